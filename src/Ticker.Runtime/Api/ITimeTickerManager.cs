namespace Ticker;

/// <summary>Adds, changes and removes one-off jobs. Every method returns failures as a failed
/// <see cref="TickerResult{T}"/> and never throws for invalid input or a store error.</summary>
/// <typeparam name="TTimeTicker">The entity type, <see cref="TimeTickerEntity"/> or a type derived from it.</typeparam>
public interface ITimeTickerManager<TTimeTicker>
    where TTimeTicker : TimeTickerEntity, new()
{
    /// <summary>Validates and stores one ticker (with its children); the scheduler wakes if it is due sooner than
    /// anything else.</summary>
    Task<TickerResult<TTimeTicker>> AddAsync(TTimeTicker entity, CancellationToken cancellationToken = default);

    /// <summary>Replaces an idle ticker's schedule, function, request and retry settings. A ticker that is no longer
    /// <see cref="TickerStatus.Idle"/> is refused with a <see cref="TickerValidatorException"/>; the store checks this in
    /// the statement that writes.</summary>
    Task<TickerResult<TTimeTicker>> UpdateAsync(TTimeTicker timeTicker, CancellationToken cancellationToken = default);

    /// <summary>Removes a ticker and its children. An unknown id is a <see cref="TickerValidatorException"/>.</summary>
    Task<TickerResult<TTimeTicker>> DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Adds every ticker or none: the first invalid item's index is named in the error.</summary>
    Task<TickerResult<List<TTimeTicker>>> AddBatchAsync(
        List<TTimeTicker> entities,
        CancellationToken cancellationToken = default);

    /// <summary>Updates every ticker or none: the first refused item's index is named in the error.</summary>
    Task<TickerResult<List<TTimeTicker>>> UpdateBatchAsync(
        List<TTimeTicker> timeTickers,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes every listed ticker or none; <see cref="TickerResult{T}.AffectedRows"/> counts the rows removed,
    /// children included.</summary>
    Task<TickerResult<TTimeTicker>> DeleteBatchAsync(List<Guid> ids, CancellationToken cancellationToken = default);
}
