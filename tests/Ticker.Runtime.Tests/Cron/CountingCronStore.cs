namespace Ticker.Tests.Cron;

/// <summary>An in-memory store that counts the cron reads the planner makes.</summary>
internal sealed class CountingCronStore(InMemoryTickerStore inner) : ITickerStore, ICronTickerStore
{
    private int _cronReads;

    /// <summary>Reads of cron definitions: every cron, one cron, or the last occurrence times.</summary>
    public int CronReads => Volatile.Read(ref _cronReads);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken) =>
        inner.InsertAsync(records, cancellationToken);

    public Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken) => inner.UpdateIdleAsync(records, cancellationToken);

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        inner.DeleteAsync(ids, cancellationToken);

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        inner.GetAsync(id, cancellationToken);

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(claim, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken) =>
        inner.CompleteAsync(completions, cancellationToken);

    public Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken) => inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken);

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken) =>
        inner.GetNextWakeTimeAsync(cancellationToken);

    public Task<StoreWriteResult> InsertCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) => inner.InsertCronsAsync(crons, cancellationToken);

    public Task<StoreWriteResult> UpdateCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) => inner.UpdateCronsAsync(crons, cancellationToken);

    public Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        inner.DeleteCronsAsync(ids, cancellationToken);

    public Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cronReads);

        return inner.GetCronAsync(id, cancellationToken);
    }

    public Task<TickerPage<CronTickerRecord>> QueryCronsAsync(int skip, int take, CancellationToken cancellationToken) =>
        inner.QueryCronsAsync(skip, take, cancellationToken);

    public Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cronReads);

        return inner.GetEnabledCronsAsync(cancellationToken);
    }

    public Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cronReads);

        return inner.GetLastCronTimesAsync(cancellationToken);
    }

    public Task<int> InsertOccurrencesAsync(
        IReadOnlyList<TickerRecord> occurrences,
        CancellationToken cancellationToken) => inner.InsertOccurrencesAsync(occurrences, cancellationToken);

    public Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken) => inner.QueryOccurrencesAsync(cronTickerId, skip, take, cancellationToken);

    public Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken) =>
        inner.SeedCronAsync(cron, cancellationToken);
}
