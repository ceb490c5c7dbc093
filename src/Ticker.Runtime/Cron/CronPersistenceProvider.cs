namespace Ticker;

/// <summary>Reads crons and occurrences from the store and maps them to the application's entity type.</summary>
internal sealed class CronPersistenceProvider<TCronTicker>(ITickerStore store)
    : ICronTickerPersistenceProvider<TCronTicker>
    where TCronTicker : CronTickerEntity, new()
{
    public async Task<TCronTicker?> GetCronTickerByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await CronStore().GetCronAsync(id, cancellationToken).ConfigureAwait(false);

        return record is null ? null : CronTickerMapper.ToEntity<TCronTicker>(record);
    }

    public async Task<TickerPage<TCronTicker>> GetCronTickersAsync(
        int skip,
        int take,
        CancellationToken cancellationToken = default)
    {
        var page = await CronStore().QueryCronsAsync(skip, take, cancellationToken).ConfigureAwait(false);

        return new TickerPage<TCronTicker>(
            page.Items.Select(CronTickerMapper.ToEntity<TCronTicker>).ToList(),
            page.TotalCount);
    }

    public async Task<TickerPage<CronTickerOccurrence>> GetOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken = default)
    {
        var page = await CronStore().QueryOccurrencesAsync(cronTickerId, skip, take, cancellationToken)
            .ConfigureAwait(false);

        return new TickerPage<CronTickerOccurrence>(
            page.Items.Select(CronTickerMapper.ToOccurrence).ToList(),
            page.TotalCount);
    }

    private ICronTickerStore CronStore() =>
        store as ICronTickerStore ?? throw new NotSupportedException(CronTickerValidator.UnsupportedStore(store));
}
