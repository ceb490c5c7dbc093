using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>
/// An <see cref="ITickerStore"/> that counts every call it forwards, and the time spent in it, by operation: each call
/// is one round trip on a database store, and each write one transaction. Disposes the store it wraps, as the
/// container would have.
/// </summary>
internal sealed class CountingTickerStore(ITickerStore inner) : ITickerStore, IDisposable
{
    private static readonly string[] s_names =
    [
        nameof(InitializeAsync), nameof(InsertAsync), nameof(UpdateIdleAsync), nameof(DeleteAsync), nameof(GetAsync),
        nameof(QueryAsync), nameof(ClaimDueAsync), nameof(CompleteAsync), nameof(RenewLeasesAsync),
        nameof(GetNextWakeTimeAsync),
    ];

    private static readonly HashSet<string> s_writes =
    [
        nameof(InsertAsync), nameof(UpdateIdleAsync), nameof(DeleteAsync), nameof(ClaimDueAsync),
        nameof(CompleteAsync), nameof(RenewLeasesAsync),
    ];

    private readonly long[] _calls = new long[s_names.Length];
    private readonly long[] _elapsed = new long[s_names.Length];

    /// <summary>Every call so far.</summary>
    public long Calls => Enumerable.Range(0, _calls.Length).Sum(i => Interlocked.Read(ref _calls[i]));

    /// <summary>Calls that write (each one transaction on a database store).</summary>
    public long Writes => Snapshot().Where(pair => s_writes.Contains(pair.Key)).Sum(pair => pair.Value.Calls);

    /// <summary>Calls and milliseconds spent, per operation.</summary>
    public Dictionary<string, (long Calls, double Milliseconds)> Snapshot() => Enumerable.Range(0, s_names.Length)
        .ToDictionary(
            i => s_names[i],
            i => (Interlocked.Read(ref _calls[i]), Interlocked.Read(ref _elapsed[i]) * 1000.0 / Stopwatch.Frequency));

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Time(0, async () =>
        {
            await inner.InitializeAsync(cancellationToken);
            return true;
        });

    public Task<StoreWriteResult> InsertAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken) =>
        Time(1, () => inner.InsertAsync(records, cancellationToken));

    public Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken) =>
        Time(2, () => inner.UpdateIdleAsync(records, cancellationToken));

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        Time(3, () => inner.DeleteAsync(ids, cancellationToken));

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Time(4, () => inner.GetAsync(id, cancellationToken));

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken) =>
        Time(5, () => inner.QueryAsync(query, cancellationToken));

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken) =>
        Time(6, () => inner.ClaimDueAsync(claim, cancellationToken));

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken) =>
        Time(7, () => inner.CompleteAsync(completions, cancellationToken));

    public Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken) =>
        Time(8, () => inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken));

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken) =>
        Time(9, () => inner.GetNextWakeTimeAsync(cancellationToken));

    public void Dispose() => (inner as IDisposable)?.Dispose();

    /// <summary>Runs the call and counts it, timing from before the call starts (a store may do all its work before
    /// returning its task) to when its task completes.</summary>
    private async Task<T> Time<T>(int slot, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Increment(ref _calls[slot]);
            Interlocked.Add(ref _elapsed[slot], Stopwatch.GetTimestamp() - start);
        }
    }
}
