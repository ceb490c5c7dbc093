using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>Inserts, including inserts inside the application's own transaction.</summary>
public sealed partial class PostgreSqlTickerStore
{
    /// <summary>
    /// Inserts tickers inside the application's transaction <paramref name="transaction"/>, so that they exist if and
    /// only if it commits. Nodes are notified on commit; a rollback leaves no ticker and wakes nobody.
    /// </summary>
    /// <returns>The write, or a refusal (nothing inserted, the transaction still usable) when an id exists already.
    /// </returns>
    /// <exception cref="PostgresException">The database refused the statement; the application's transaction is then
    /// aborted, as with any failed statement in it, and must be rolled back.</exception>
    public async Task<StoreWriteResult> InsertAsync(
        IReadOnlyList<TickerRecord> records,
        NpgsqlTransaction transaction,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(transaction);

        var connection = transaction.Connection
            ?? throw new ArgumentException("The transaction has already ended.", nameof(transaction));
        if (records.Count == 0)
        {
            return StoreWriteResult.Applied(0);
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await InsertCoreAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds tickers (with their children) inside the application's transaction <paramref name="transaction"/>, so that
    /// they run if and only if the application's own change commits: the transactional outbox, without an outbox.
    /// Ids, times and statuses are filled in on the entities as <see cref="ITimeTickerManager{TTimeTicker}.AddBatchAsync"/>
    /// does.
    /// </summary>
    /// <returns>A failed result (nothing inserted, the transaction still usable) for an invalid ticker or an id that
    /// exists already.</returns>
    /// <remarks>Function names are not checked against a function table here, as the enqueuing process may not run
    /// them; requests are stored as given.</remarks>
    /// <exception cref="PostgresException">The database refused the statement; the application's transaction is then
    /// aborted and must be rolled back.</exception>
    public async Task<TickerResult<List<TTimeTicker>>> EnqueueAsync<TTimeTicker>(
        NpgsqlTransaction transaction,
        List<TTimeTicker> tickers,
        CancellationToken cancellationToken = default)
        where TTimeTicker : TimeTickerEntity
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(tickers);

        if (tickers.Select(PostgreSqlEntityRecords.Validate).FirstOrDefault(error => error is not null) is { } invalid)
        {
            return TickerResult.Failed<List<TTimeTicker>>(invalid);
        }

        var now = _nodeClock.GetUtcNow().UtcDateTime;
        var records = PostgreSqlEntityRecords.Flatten(tickers, now, Activity.Current?.Id, out var owners);
        var written = await InsertAsync(records, transaction, cancellationToken).ConfigureAwait(false);
        if (!written.IsApplied)
        {
            var clash = records[written.FailedIndex].Id;

            return TickerResult.Failed<List<TTimeTicker>>(new TickerValidatorException(
                nameof(TimeTickerEntity.Id), $"a ticker with id {clash} already exists.", owners[written.FailedIndex]));
        }

        PostgreSqlEntityRecords.CopyBack(tickers, records.ToDictionary(record => record.Id));

        return TickerResult.Succeeded(tickers, written.Affected);
    }

    private static int? FirstRepeatedId(IReadOnlyList<TickerRecord> records)
    {
        var seen = new HashSet<Guid>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (!seen.Add(records[i].Id))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>One statement: refuses the batch when an id exists, else inserts it and notifies.</summary>
    private async Task<StoreWriteResult> InsertCoreAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        IReadOnlyList<TickerRecord> records,
        CancellationToken token)
    {
        if (FirstRepeatedId(records) is { } repeat)
        {
            return StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, repeat);
        }

        var command = new NpgsqlCommand(_sql.Insert, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddClockAndChannel(command);
            PostgreSqlBatchParameters.BindInsert(command, records);
            var row = await ReadNumbersAsync(command, token).ConfigureAwait(false);

            return row[0] is { } clash
                ? StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, (int)clash - 1)
                : StoreWriteResult.Applied((int)row[1]!.Value);
        }
    }

    private async Task<StoreWriteResult> RefuseExistingAsync(
        NpgsqlConnection connection,
        IReadOnlyList<TickerRecord> records,
        CancellationToken token)
    {
        var command = new NpgsqlCommand(_sql.FindExisting, connection);
        await using (command.ConfigureAwait(false))
        {
            command.AddArray("ids", NpgsqlDbType.Uuid, [.. records.Select(record => record.Id)]);
            var row = await ReadNumbersAsync(command, token).ConfigureAwait(false);

            return StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, (int)(row[0] ?? 1) - 1);
        }
    }
}
