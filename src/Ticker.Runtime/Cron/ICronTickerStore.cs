namespace Ticker;

/// <summary>
/// Implemented by a store that also keeps cron definitions. Cron occurrences are ordinary <see cref="TickerRecord"/>s
/// of the same store (with <see cref="TickerRecord.CronTickerId"/> set), so they share its one claim path. Cron
/// services run only when the registered <see cref="ITickerStore"/> implements this interface.
/// </summary>
/// <remarks>
/// Besides these methods, a store's claim honours <see cref="TickerRecord.CronOverlap"/>: an occurrence with
/// <see cref="CronOverlapPolicy.Wait"/> is neither claimed nor reported by
/// <see cref="ITickerStore.GetNextWakeTimeAsync"/> while another occurrence of its cron is in progress, and one with
/// <see cref="CronOverlapPolicy.Skip"/> is then ended <see cref="TickerStatus.Skipped"/> instead of being claimed.
/// </remarks>
public interface ICronTickerStore
{
    /// <summary>Inserts every cron or none; an existing id is refused with
    /// <see cref="StoreWriteFailure.DuplicateId"/>.</summary>
    Task<StoreWriteResult> InsertCronsAsync(IReadOnlyList<CronTickerRecord> crons, CancellationToken cancellationToken);

    /// <summary>Replaces every cron's definition (all but <see cref="CronTickerRecord.CreatedAt"/> and
    /// <see cref="CronTickerRecord.SeedKey"/>) or none, and deletes each one's pending occurrences (idle, scheduled,
    /// never attempted) so that the planner can plan again.</summary>
    Task<StoreWriteResult> UpdateCronsAsync(IReadOnlyList<CronTickerRecord> crons, CancellationToken cancellationToken);

    /// <summary>Deletes every cron with its idle occurrences, or none; finished and running occurrences remain.
    /// Returns the number of crons deleted.</summary>
    Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Reads one cron.</summary>
    Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads one page of crons, ordered by creation time then id.</summary>
    Task<TickerPage<CronTickerRecord>> QueryCronsAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Reads every enabled cron.</summary>
    Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken);

    /// <summary>The latest <see cref="TickerRecord.CronTime"/> of each cron that has a scheduled occurrence.</summary>
    Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken);

    /// <summary>Inserts occurrences with insert-or-ignore semantics: one whose id, or whose
    /// (<see cref="TickerRecord.CronTickerId"/>, <see cref="TickerRecord.CronTime"/>), exists already is left out.
    /// Returns how many were inserted.</summary>
    Task<int> InsertOccurrencesAsync(IReadOnlyList<TickerRecord> occurrences, CancellationToken cancellationToken);

    /// <summary>Reads one page of a cron's occurrences, ordered by execution time then id.</summary>
    Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken);

    /// <summary>Adds a cron declared in code, identified by <see cref="CronTickerRecord.SeedKey"/>: inserted when no
    /// cron has that key; when one has, only its expression is updated, and only when it differs (its pending
    /// occurrences are then deleted as by <see cref="UpdateCronsAsync"/>). Two nodes seeding at once create one cron.
    /// Returns whether anything was written.</summary>
    Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken);
}
