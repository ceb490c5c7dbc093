namespace Ticker.Tests.Support;

/// <summary>A real store that goes down on command: while <see cref="ClaimsDown"/> or <see cref="CompletionsDown"/> is
/// set, the scheduler's calls (claims and wake-time reads, or completions) throw as a store that cannot be reached
/// does, and are counted. Reads and writes through the managers pass, so a test can arrange and inspect.</summary>
internal sealed class OutageStore(ITickerStore inner) : ITickerStore
{
    private int _failedCalls;

    public volatile bool ClaimsDown;

    public volatile bool CompletionsDown;

    /// <summary>Calls that failed because the store was down.</summary>
    public int FailedCalls => Volatile.Read(ref _failedCalls);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.InsertAsync(records, cancellationToken);

    public Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.UpdateIdleAsync(records, cancellationToken);

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => inner.DeleteAsync(ids, cancellationToken);

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
        => inner.GetAsync(id, cancellationToken);

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
        => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
        => ClaimsDown ? Fail<IReadOnlyList<TickerRecord>>() : inner.ClaimDueAsync(claim, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
        => CompletionsDown ? Fail<int>() : inner.CompleteAsync(completions, cancellationToken);

    public Task<int> RenewLeasesAsync(
        string owner, IReadOnlyList<TickerLease> leases, TimeSpan leaseLength, CancellationToken cancellationToken)
        => inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken);

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
        => ClaimsDown ? Fail<DateTime?>() : inner.GetNextWakeTimeAsync(cancellationToken);

    private Task<T> Fail<T>()
    {
        Interlocked.Increment(ref _failedCalls);

        return Task.FromException<T>(new IOException("the store cannot be reached"));
    }
}
