namespace Ticker;

/// <summary>Adds, changes and removes recurring jobs. Every method returns failures as a failed
/// <see cref="TickerResult{T}"/> and never throws for invalid input or a store error. A store that does not keep crons
/// (one that does not implement <see cref="ICronTickerStore"/>) makes every call fail with a
/// <see cref="NotSupportedException"/>.</summary>
/// <typeparam name="TCronTicker">The entity type, <see cref="CronTickerEntity"/> or a type derived from it.</typeparam>
public interface ICronTickerManager<TCronTicker>
    where TCronTicker : CronTickerEntity, new()
{
    /// <summary>Validates (function, expression, time zone, retries) and stores one cron; its next occurrence is
    /// planned at once.</summary>
    Task<TickerResult<TCronTicker>> AddAsync(TCronTicker entity, CancellationToken cancellationToken = default);

    /// <summary>Replaces a cron's definition and plans it again: its pending occurrence is removed and the next one
    /// under the new definition is created. Disabling (<see cref="CronTickerEntity.IsEnabled"/> false) pauses it.
    /// </summary>
    Task<TickerResult<TCronTicker>> UpdateAsync(TCronTicker cronTicker, CancellationToken cancellationToken = default);

    /// <summary>Removes a cron and its pending occurrences; its finished occurrences stay readable.</summary>
    Task<TickerResult<TCronTicker>> DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Adds every cron or none: the first invalid item's index is named in the error.</summary>
    Task<TickerResult<List<TCronTicker>>> AddBatchAsync(
        List<TCronTicker> entities,
        CancellationToken cancellationToken = default);

    /// <summary>Updates every cron or none: the first refused item's index is named in the error.</summary>
    Task<TickerResult<List<TCronTicker>>> UpdateBatchAsync(
        List<TCronTicker> cronTickers,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes every listed cron or none; <see cref="TickerResult{T}.AffectedRows"/> counts the crons.</summary>
    Task<TickerResult<TCronTicker>> DeleteBatchAsync(List<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Runs the cron's function now, once, as an extra occurrence outside its schedule (the schedule is not
    /// changed). The overlap policy applies to it as to any occurrence.</summary>
    Task<TickerResult<CronTickerOccurrence>> RunNowAsync(Guid id, CancellationToken cancellationToken = default);
}
