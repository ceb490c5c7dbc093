using BenchmarkDotNet.Attributes;

namespace Ticker.Benchmarks;

/// <summary>
/// <see cref="ITickerStore.CompleteAsync"/> writing 256 successful outcomes in one call, as the completion writer
/// does after a batch of runs. Each iteration claims a fresh store's rows first, so every invocation completes 256
/// claimed tickers.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class CompleteBenchmarks
{
    private const int InvocationsPerIteration = 256;
    private const int BatchSize = 256;

    private readonly Queue<List<TickerCompletion>> _batches = new();
    private ITickerStore? _store;
    private string? _directory;

    [Params(StoreKind.InMemory, StoreKind.Sqlite)]
    public StoreKind Store { get; set; }

    [IterationSetup]
    public void ClaimEverything()
    {
        BenchmarkStores.Dispose(_store, _directory);
        _store = BenchmarkStores.Create(Store, out _directory);
        BenchmarkStores.FillDue(_store, InvocationsPerIteration * BatchSize);
        _batches.Clear();
        var claim = new TickerClaim("bench-node", DateTime.UtcNow.AddSeconds(1), BatchSize, TimeSpan.FromMinutes(1));
        for (var i = 0; i < InvocationsPerIteration; i++)
        {
            var claimed = _store.ClaimDueAsync(claim, CancellationToken.None).GetAwaiter().GetResult();
            _batches.Enqueue(claimed.Select(Succeeded).ToList());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkStores.Dispose(_store, _directory);

    [Benchmark(Description = "CompleteAsync, batch of 256")]
    public Task<int> CompleteBatch() => _store!.CompleteAsync(_batches.Dequeue(), CancellationToken.None);

    private static TickerCompletion Succeeded(TickerRecord record) => new(
        record.Id, record.Fence, TickerStatus.Done, record.RetryCount, record.ExecutionTime, DateTime.UtcNow,
        ElapsedMilliseconds: 1, ExceptionMessage: null);
}
