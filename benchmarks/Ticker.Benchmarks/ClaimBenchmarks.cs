using BenchmarkDotNet.Attributes;

namespace Ticker.Benchmarks;

/// <summary>
/// <see cref="InMemoryTickerStore.ClaimDueAsync"/> leasing a batch of 256 due tickers: the scheduler's claim step on
/// the in-memory store. Each iteration fills a fresh store with exactly the rows its invocations claim, so every claim
/// finds 256 due tickers and a backlog behind them.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class ClaimBenchmarks
{
    private const int InvocationsPerIteration = 512;
    private const int BatchSize = 256;

    private InMemoryTickerStore _store = null!;
    private TickerClaim _claim;

    [IterationSetup]
    public void FillStore()
    {
        _store = new InMemoryTickerStore(TimeProvider.System);
        var now = DateTime.UtcNow;
        var records = new List<TickerRecord>(InvocationsPerIteration * BatchSize);
        for (var i = 0; i < InvocationsPerIteration * BatchSize; i++)
        {
            records.Add(new TickerRecord
            {
                Id = Guid.CreateVersion7(),
                Function = "Send",
                ExecutionTime = now.AddMilliseconds(-i),
                Status = TickerStatus.Idle,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        _store.InsertAsync(records, CancellationToken.None).GetAwaiter().GetResult();
        _claim = new TickerClaim("bench-node", now.AddSeconds(1), BatchSize, TimeSpan.FromMinutes(1));
    }

    [Benchmark(Description = "ClaimDueAsync, batch of 256")]
    public async Task<int> ClaimBatch()
    {
        var claimed = await _store.ClaimDueAsync(_claim, CancellationToken.None);
        return claimed.Count;
    }
}
