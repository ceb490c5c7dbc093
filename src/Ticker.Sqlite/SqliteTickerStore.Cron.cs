namespace Ticker;

/// <summary>The cron part of the SQLite store: definitions in <c>cron_tickers</c>, occurrences in <c>tickers</c>
/// keyed by a unique (cron, time) index.</summary>
public sealed partial class SqliteTickerStore : ICronTickerStore
{
    /// <inheritdoc />
    public Task<StoreWriteResult> InsertCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) =>
        WriteAsync(crons, SqliteCronWrites.InsertAll, cancellationToken);

    /// <inheritdoc />
    public Task<StoreWriteResult> UpdateCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken) =>
        WriteAsync(crons, SqliteCronWrites.UpdateAll, cancellationToken);

    /// <inheritdoc />
    public Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        WriteAsync(ids, SqliteCronWrites.DeleteAll, cancellationToken);

    /// <inheritdoc />
    public Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(id, SqliteCronReads.Get, cancellationToken);

    /// <inheritdoc />
    public Task<TickerPage<CronTickerRecord>> QueryCronsAsync(
        int skip,
        int take,
        CancellationToken cancellationToken) =>
        ReadAsync((Skip: skip, Take: take), static (session, page) =>
            SqliteCronReads.Query(session, page.Skip, page.Take), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken) =>
        ReadAsync(0, static (session, _) =>
            (IReadOnlyList<CronTickerRecord>)SqliteCronReads.Enabled(session), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken) =>
        ReadAsync(0, static (session, _) =>
            (IReadOnlyDictionary<Guid, DateTime>)SqliteCronReads.LastCronTimes(session), cancellationToken);

    /// <inheritdoc />
    public Task<int> InsertOccurrencesAsync(
        IReadOnlyList<TickerRecord> occurrences,
        CancellationToken cancellationToken) =>
        WriteAsync(occurrences, SqliteCronWrites.InsertOccurrences, cancellationToken);

    /// <inheritdoc />
    public Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken) =>
        ReadAsync((Id: cronTickerId, Skip: skip, Take: take), static (session, page) =>
            SqliteCronReads.Occurrences(session, page.Id, page.Skip, page.Take), cancellationToken);

    /// <inheritdoc />
    public Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(cron.SeedKey);

        return WriteAsync(cron, SqliteCronWrites.Seed, cancellationToken);
    }

    private async Task<TResult> WriteAsync<TState, TResult>(
        TState state,
        Func<SqliteSession, TState, TResult> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(state, work, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResult> ReadAsync<TState, TResult>(
        TState state,
        Func<SqliteSession, TState, TResult> work,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _reader.RunAsync(state, work, cancellationToken).ConfigureAwait(false);
    }
}
