namespace Ticker;

/// <summary>Reads tickers from the configured store, mapped to the application's entity type.</summary>
/// <typeparam name="TTimeTicker">The entity type, <see cref="TimeTickerEntity"/> or a type derived from it.</typeparam>
public interface ITickerPersistenceProvider<TTimeTicker>
    where TTimeTicker : TimeTickerEntity, new()
{
    /// <summary>The ticker with this id, or <see langword="null"/> when there is none.</summary>
    Task<TTimeTicker?> GetTimeTickerByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of time tickers matching the query, ordered by execution time then id. Cron occurrences
    /// are left out: <see cref="ICronTickerPersistenceProvider{TCronTicker}"/> reads them per cron.</summary>
    Task<TickerPage<TTimeTicker>> GetTimeTickersAsync(
        TimeTickerQuery query,
        CancellationToken cancellationToken = default);
}
