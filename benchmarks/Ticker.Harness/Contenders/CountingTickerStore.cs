namespace Ticker.Harness;

/// <summary>An <see cref="ITickerStore"/> that counts every call it forwards: each is one query or round trip on a
/// database store. Disposes the store it wraps, as the container would have.</summary>
internal sealed class CountingTickerStore(ITickerStore inner) : ITickerStore, IDisposable
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        Count(inner.InitializeAsync(cancellationToken));

    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken) =>
        Count(inner.InsertAsync(records, cancellationToken));

    public Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken) =>
        Count(inner.UpdateIdleAsync(records, cancellationToken));

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        Count(inner.DeleteAsync(ids, cancellationToken));

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Count(inner.GetAsync(id, cancellationToken));

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken) =>
        Count(inner.QueryAsync(query, cancellationToken));

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken) =>
        Count(inner.ClaimDueAsync(claim, cancellationToken));

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken) =>
        Count(inner.CompleteAsync(completions, cancellationToken));

    public Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken) =>
        Count(inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken));

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken) =>
        Count(inner.GetNextWakeTimeAsync(cancellationToken));

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private T Count<T>(T call)
    {
        Interlocked.Increment(ref _calls);
        return call;
    }
}
