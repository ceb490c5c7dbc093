namespace Ticker;

/// <summary>Reads tickers from the store and maps them to the application's entity type.</summary>
internal sealed class TickerPersistenceProvider<TTimeTicker>(ITickerStore store)
    : ITickerPersistenceProvider<TTimeTicker>
    where TTimeTicker : TimeTickerEntity, new()
{
    public async Task<TTimeTicker?> GetTimeTickerByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);

        return record is null ? null : TickerMapper.ToEntity<TTimeTicker>(record);
    }

    public async Task<TickerPage<TTimeTicker>> GetTimeTickersAsync(
        TimeTickerQuery query,
        CancellationToken cancellationToken = default)
    {
        var page = await store.QueryAsync(query, cancellationToken).ConfigureAwait(false);

        return new TickerPage<TTimeTicker>(
            page.Items.Select(TickerMapper.ToEntity<TTimeTicker>).ToList(),
            page.TotalCount);
    }
}
