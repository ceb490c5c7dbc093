namespace Ticker.Tests.Support;

/// <summary>A store whose writes fail as a disk or network outage would; reads see an empty store.</summary>
internal sealed class FailingStore : ITickerStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => Task.FromException<StoreWriteResult>(new IOException("disk unavailable"));

    public Task<StoreWriteResult> UpdateIdleAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => Task.FromException<StoreWriteResult>(new IOException("disk unavailable"));

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => Task.FromException<StoreWriteResult>(new IOException("disk unavailable"));

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
        => Task.FromResult<TickerRecord?>(null);

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
        => Task.FromResult(new TickerPage<TickerRecord>([], 0));

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<TickerRecord>>([]);

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
        => Task.FromResult(0);

    public Task<int> RenewLeasesAsync(
        string owner, IReadOnlyList<TickerLease> leases, TimeSpan leaseLength, CancellationToken cancellationToken)
        => Task.FromResult(0);

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
        => Task.FromResult<DateTime?>(null);
}
