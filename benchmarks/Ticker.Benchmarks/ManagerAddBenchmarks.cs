using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Ticker.Benchmarks;

/// <summary>
/// Adding tickers through <see cref="ITimeTickerManager{TTimeTicker}"/> on the in-memory store: validation, mapping,
/// the store insert and the scheduler wake-up. No scheduler runs, so nothing is claimed while adding. Each iteration
/// starts from an empty store (10,000 adds per iteration) so it does not grow without bound.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(10_000)]
public class ManagerAddBenchmarks
{
    private ServiceProvider? _services;
    private ITimeTickerManager<TimeTickerEntity> _manager = null!;
    private readonly byte[] _request = "{\"orderId\":42}"u8.ToArray();

    [IterationSetup]
    public void CreateEmptyStore()
    {
        _services?.Dispose();
        _services = BuildServices();
        _manager = _services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
    }

    /// <summary>Ticker's services on the in-memory store, with one function, "Send"; no host, so no scheduler.
    /// </summary>
    internal static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTicker().AddFunction(new TickerFunctionDescriptor("Send", (_, _) => ValueTask.CompletedTask));

        return services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(Description = "AddAsync, one ticker")]
    public async Task<bool> AddOne()
    {
        var result = await _manager.AddAsync(NewTicker(_request));
        return result.IsSucceeded;
    }

    internal static TimeTickerEntity NewTicker(byte[] request) => new()
    {
        Function = "Send",
        ExecutionTime = DateTime.UtcNow.AddMinutes(5),
        Request = request,
        Retries = 2,
        RetryIntervals = [10, 60],
    };
}
