using System.Collections.Concurrent;

namespace Ticker;

/// <summary>
/// What this node holds: the leases of claimed tickers whose outcome is not yet written (renewed while held), and how
/// many of them have not finished running, which decides how much more the node may claim.
/// </summary>
/// <remarks>
/// A node claims again only once half a batch is free (or it holds nothing). Claiming every slot as it frees up would
/// turn one claim of 256 into a stream of claims of a few tickers each, and on a store with one writer (SQLite) every
/// claim is a write transaction that the completions and inserts queue behind.
/// </remarks>
internal sealed class HeldLeases(TickerOptions options, SchedulerWakeSignal wakeSignal)
{
    private readonly ConcurrentDictionary<Guid, long> _fences = new();
    private int _unfinished;

    /// <summary>How many leases are held.</summary>
    public int Count => _fences.Count;

    private int Limit => options.MaxConcurrency + options.ClaimBatchSize;

    private int ClaimThreshold => Math.Max(1, options.ClaimBatchSize / 2);

    /// <summary>A claimed ticker: its lease is held and it has not finished.</summary>
    public void Add(TickerRecord record)
    {
        _fences[record.Id] = record.Fence;
        Interlocked.Increment(ref _unfinished);
    }

    /// <summary>A claimed ticker finished (its outcome is on its way to the store); wakes the scheduler when this frees
    /// enough room to claim again.</summary>
    public void Finish()
    {
        var unfinished = Interlocked.Decrement(ref _unfinished);
        if (unfinished == 0 || unfinished == Limit - ClaimThreshold)
        {
            wakeSignal.Wake();
        }
    }

    /// <summary>The outcome of a ticker was written; its lease is no longer held.</summary>
    public void Remove(Guid id) => _fences.TryRemove(id, out _);

    /// <summary>How many tickers to claim now: zero until half a batch is free, at most one batch.</summary>
    public int ClaimCapacity()
    {
        var unfinished = Volatile.Read(ref _unfinished);
        var free = Limit - unfinished;

        return unfinished == 0 || free >= ClaimThreshold ? Math.Min(free, options.ClaimBatchSize) : 0;
    }

    public List<TickerLease> Snapshot() => _fences.Select(pair => new TickerLease(pair.Key, pair.Value)).ToList();
}
