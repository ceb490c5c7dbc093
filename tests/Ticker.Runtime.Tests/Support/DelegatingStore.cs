namespace Ticker.Tests.Support;

/// <summary>Passes every call to a real store; test decorators override the calls they change.</summary>
internal abstract class DelegatingStore(ITickerStore inner) : ITickerStore
{
    public virtual Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public virtual Task<StoreWriteResult> InsertAsync(
        IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.InsertAsync(records, cancellationToken);

    public virtual Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.UpdateIdleAsync(records, cancellationToken);

    public virtual Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => inner.DeleteAsync(ids, cancellationToken);

    public virtual Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
        => inner.GetAsync(id, cancellationToken);

    public virtual Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
        => inner.QueryAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
        => inner.ClaimDueAsync(claim, cancellationToken);

    public virtual Task<int> CompleteAsync(
        IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
        => inner.CompleteAsync(completions, cancellationToken);

    public virtual Task<int> RenewLeasesAsync(
        string owner, IReadOnlyList<TickerLease> leases, TimeSpan leaseLength, CancellationToken cancellationToken)
        => inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken);

    public virtual Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
        => inner.GetNextWakeTimeAsync(cancellationToken);
}
