using BenchmarkDotNet.Attributes;

namespace Ticker.Benchmarks;

/// <summary>
/// <see cref="ITickerStore.ClaimDueAsync"/> leasing a batch of 256 due tickers: the scheduler's claim step. Each
/// iteration fills a fresh store with exactly the rows its invocations claim, so every claim finds 256 due tickers and
/// a backlog behind them. The in-memory store is the one the brief measures; SQLite is there for comparison.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class ClaimBenchmarks
{
    private const int InvocationsPerIteration = 256;
    private const int BatchSize = 256;

    private ITickerStore? _store;
    private string? _directory;
    private TickerClaim _claim;

    [Params(StoreKind.InMemory, StoreKind.Sqlite)]
    public StoreKind Store { get; set; }

    [IterationSetup]
    public void FillStore()
    {
        BenchmarkStores.Dispose(_store, _directory);
        _store = BenchmarkStores.Create(Store, out _directory);
        BenchmarkStores.FillDue(_store, InvocationsPerIteration * BatchSize);
        _claim = new TickerClaim("bench-node", DateTime.UtcNow.AddSeconds(1), BatchSize, TimeSpan.FromMinutes(1));
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkStores.Dispose(_store, _directory);

    [Benchmark(Description = "ClaimDueAsync, batch of 256")]
    public async Task<int> ClaimBatch()
    {
        var claimed = await _store!.ClaimDueAsync(_claim, CancellationToken.None);
        return claimed.Count;
    }
}
