namespace Ticker;

/// <summary>Reads crons and their occurrences from the configured store, mapped to the application's entity type.
/// </summary>
/// <typeparam name="TCronTicker">The entity type, <see cref="CronTickerEntity"/> or a type derived from it.</typeparam>
public interface ICronTickerPersistenceProvider<TCronTicker>
    where TCronTicker : CronTickerEntity, new()
{
    /// <summary>The cron with this id, or <see langword="null"/> when there is none.</summary>
    Task<TCronTicker?> GetCronTickerByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of crons, ordered by creation time then id.</summary>
    Task<TickerPage<TCronTicker>> GetCronTickersAsync(
        int skip,
        int take,
        CancellationToken cancellationToken = default);

    /// <summary>One page of a cron's occurrences, ordered by execution time then id. Occurrences of a deleted cron
    /// remain readable.</summary>
    Task<TickerPage<CronTickerOccurrence>> GetOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken = default);
}
