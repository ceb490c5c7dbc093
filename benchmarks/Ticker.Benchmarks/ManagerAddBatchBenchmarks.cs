using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Ticker.Benchmarks;

/// <summary>
/// Adding 100 tickers in one <see cref="ITimeTickerManager{TTimeTicker}.AddBatchAsync"/> call, reported per ticker;
/// compare with <see cref="ManagerAddBenchmarks"/>. Each iteration starts from an empty store (20,000 adds).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(200)]
public class ManagerAddBatchBenchmarks
{
    private const int BatchSize = 100;

    private readonly byte[] _request = "{\"orderId\":42}"u8.ToArray();
    private ServiceProvider? _services;
    private ITimeTickerManager<TimeTickerEntity> _manager = null!;

    [IterationSetup]
    public void CreateEmptyStore()
    {
        _services?.Dispose();
        _services = ManagerAddBenchmarks.BuildServices();
        _manager = _services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "AddBatchAsync of 100, per ticker")]
    public async Task<bool> AddBatch()
    {
        var batch = new List<TimeTickerEntity>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            batch.Add(ManagerAddBenchmarks.NewTicker(_request));
        }

        var result = await _manager.AddBatchAsync(batch);
        return result.IsSucceeded;
    }
}
