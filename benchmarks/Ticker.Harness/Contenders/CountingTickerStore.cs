using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>
/// An <see cref="ITickerStore"/> that counts every call it forwards, and the time spent in it, by operation: each call
/// is one round trip on a database store, and each write one transaction. Cron calls are forwarded and counted too, and
/// notifications pass through uncounted (they are pushed by the database, not asked for). Throws on a cron call when
/// the wrapped store keeps no crons. Disposes the store it wraps, as the container would have.
/// </summary>
internal sealed class CountingTickerStore(ITickerStore inner)
    : ITickerStore, ICronTickerStore, ITickerStoreNotifications, ICronStoreNotifications, IDisposable
{
    private static readonly string[] s_names =
    [
        nameof(InitializeAsync), nameof(InsertAsync), nameof(UpdateIdleAsync), nameof(DeleteAsync), nameof(GetAsync),
        nameof(QueryAsync), nameof(ClaimDueAsync), nameof(CompleteAsync), nameof(RenewLeasesAsync),
        nameof(GetNextWakeTimeAsync), nameof(InsertCronsAsync), nameof(UpdateCronsAsync), nameof(DeleteCronsAsync),
        nameof(GetCronAsync), nameof(QueryCronsAsync), nameof(GetEnabledCronsAsync), nameof(GetLastCronTimesAsync),
        nameof(InsertOccurrencesAsync), nameof(QueryOccurrencesAsync), nameof(SeedCronAsync),
    ];

    private static readonly HashSet<string> s_writes =
    [
        nameof(InsertAsync), nameof(UpdateIdleAsync), nameof(DeleteAsync), nameof(ClaimDueAsync),
        nameof(CompleteAsync), nameof(RenewLeasesAsync), nameof(InsertCronsAsync), nameof(UpdateCronsAsync),
        nameof(DeleteCronsAsync), nameof(InsertOccurrencesAsync), nameof(SeedCronAsync),
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

    public Task<StoreWriteResult> InsertCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) =>
        Time(10, () => Crons.InsertCronsAsync(crons, cancellationToken));

    public Task<StoreWriteResult> UpdateCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) =>
        Time(11, () => Crons.UpdateCronsAsync(crons, cancellationToken));

    public Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        Time(12, () => Crons.DeleteCronsAsync(ids, cancellationToken));

    public Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken) =>
        Time(13, () => Crons.GetCronAsync(id, cancellationToken));

    public Task<TickerPage<CronTickerRecord>> QueryCronsAsync(
        int skip,
        int take,
        CancellationToken cancellationToken) =>
        Time(14, () => Crons.QueryCronsAsync(skip, take, cancellationToken));

    public Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken) =>
        Time(15, () => Crons.GetEnabledCronsAsync(cancellationToken));

    public Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken) =>
        Time(16, () => Crons.GetLastCronTimesAsync(cancellationToken));

    public Task<int> InsertOccurrencesAsync(
        IReadOnlyList<TickerRecord> occurrences,
        CancellationToken cancellationToken) =>
        Time(17, () => Crons.InsertOccurrencesAsync(occurrences, cancellationToken));

    public Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken) =>
        Time(18, () => Crons.QueryOccurrencesAsync(cronTickerId, skip, take, cancellationToken));

    public Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken) =>
        Time(19, () => Crons.SeedCronAsync(cron, cancellationToken));

    public IDisposable Subscribe(Action<DateTime> onDue) =>
        inner is ITickerStoreNotifications notifications ? notifications.Subscribe(onDue) : NoSubscription.Instance;

    public IDisposable SubscribeToCronChanges(Action onChanged) =>
        inner is ICronStoreNotifications notifications
            ? notifications.SubscribeToCronChanges(onChanged)
            : NoSubscription.Instance;

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private ICronTickerStore Crons => inner as ICronTickerStore
        ?? throw new NotSupportedException($"{inner.GetType().Name} keeps no crons.");

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

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
