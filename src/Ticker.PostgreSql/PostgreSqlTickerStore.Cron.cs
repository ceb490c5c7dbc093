using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>The cron part of the store: definitions in <c>cron_tickers</c>, occurrences in <c>tickers</c> with a
/// unique (cron, scheduled time) key, and the overlap policies in the claim.</summary>
public sealed partial class PostgreSqlTickerStore
{
    /// <inheritdoc />
    /// <remarks>The first subscriber opens the listening connection (shared with due-time notifications). Cron writes
    /// of this store instance carry its own origin id and are not reported back to it.</remarks>
    public IDisposable SubscribeToCronChanges(Action onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);

        return _listener.SubscribeToCronChanges(origin =>
        {
            if (origin != _origin)
            {
                onChanged();
            }
        });
    }

    /// <inheritdoc />
    /// <remarks>A cron whose seed key another cron has is refused as a duplicate too.</remarks>
    public async Task<StoreWriteResult> InsertCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crons);

        if (FirstRepeatedCron(crons) is { } repeat)
        {
            return StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, repeat);
        }

        try
        {
            return await InsertCronsOnceAsync(crons, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another writer added a clashing cron after this statement looked; looking again finds it.
            return await InsertCronsOnceAsync(crons, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> UpdateCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crons);

        var row = await CronWriteAsync(_cronSql.Update, crons, cancellationToken).ConfigureAwait(false);

        return row[0] is { } missing
            ? StoreWriteResult.Refused(StoreWriteFailure.NotFound, (int)missing - 1)
            : StoreWriteResult.Applied(crons.Count);
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_cronSql.Delete);
        await using (command.ConfigureAwait(false))
        {
            command.AddArray("ids", NpgsqlDbType.Uuid, ids as Guid[] ?? [.. ids]);
            AddCronChannel(command);
            var row = await ReadNumbersAsync(command, cancellationToken).ConfigureAwait(false);

            return row[0] is { } missing
                ? StoreWriteResult.Refused(StoreWriteFailure.NotFound, (int)missing - 1)
                : StoreWriteResult.Applied((int)row[1]!.Value);
        }
    }

    /// <inheritdoc />
    public async Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_cronSql.Get);
        await using (command.ConfigureAwait(false))
        {
            command.Add("id", NpgsqlDbType.Uuid, id);
            var rows = await PostgreSqlCronRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);

            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <inheritdoc />
    public async Task<TickerPage<CronTickerRecord>> QueryCronsAsync(
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var batch = _source.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(_cronSql.Count));
            var page = new NpgsqlBatchCommand(_cronSql.Page);
            AddPaging(page, skip, take);
            batch.BatchCommands.Add(page);

            return await ReadPageAsync(batch, PostgreSqlCronRows.Read, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_cronSql.Enabled);
        await using (command.ConfigureAwait(false))
        {
            return await PostgreSqlCronRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_cronSql.LastTimes);
        await using (command.ConfigureAwait(false))
        {
            var last = new Dictionary<Guid, DateTime>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    last.Add(reader.GetGuid(0), reader.GetFieldValue<DateTime>(1));
                }
            }

            return last;
        }
    }

    /// <inheritdoc />
    public async Task<int> InsertOccurrencesAsync(
        IReadOnlyList<TickerRecord> occurrences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);

        if (occurrences.Count == 0)
        {
            return 0;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.InsertOccurrences);
        await using (command.ConfigureAwait(false))
        {
            AddClockAndChannel(command);
            PostgreSqlBatchParameters.BindInsert(command, occurrences);
            var row = await ReadNumbersAsync(command, cancellationToken).ConfigureAwait(false);

            return (int)row[0]!.Value;
        }
    }

    /// <inheritdoc />
    public async Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var batch = _source.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            var count = new NpgsqlBatchCommand(_cronSql.CountOccurrences);
            count.Parameters.Add(new NpgsqlParameter<Guid>("cron_id", NpgsqlDbType.Uuid) { TypedValue = cronTickerId });
            var page = new NpgsqlBatchCommand(_cronSql.PageOccurrences);
            page.Parameters.Add(new NpgsqlParameter<Guid>("cron_id", NpgsqlDbType.Uuid) { TypedValue = cronTickerId });
            AddPaging(page, skip, take);
            batch.BatchCommands.Add(count);
            batch.BatchCommands.Add(page);

            return await ReadPageAsync(batch, PostgreSqlTickerRows.Read, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cron);

        var row = await CronWriteAsync(_cronSql.Seed, [cron], cancellationToken).ConfigureAwait(false);

        return row[0] > 0;
    }

    private static int? FirstRepeatedCron(IReadOnlyList<CronTickerRecord> crons)
    {
        var ids = new HashSet<Guid>();
        var seedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < crons.Count; i++)
        {
            if (!ids.Add(crons[i].Id) || (crons[i].SeedKey is { } key && !seedKeys.Add(key)))
            {
                return i;
            }
        }

        return null;
    }

    private async Task<StoreWriteResult> InsertCronsOnceAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken token)
    {
        var row = await CronWriteAsync(_cronSql.Insert, crons, token).ConfigureAwait(false);

        return row[0] is { } clash
            ? StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, (int)clash - 1)
            : StoreWriteResult.Applied((int)row[1]!.Value);
    }

    /// <summary>Runs a cron statement over <paramref name="crons"/> bound as arrays; returns its summary row.</summary>
    private async Task<long?[]> CronWriteAsync(
        string sql,
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken token)
    {
        await EnsureInitializedAsync(token).ConfigureAwait(false);
        var command = _source.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            PostgreSqlCronRows.Bind(command, crons);
            AddCronChannel(command);

            return await ReadNumbersAsync(command, token).ConfigureAwait(false);
        }
    }

    /// <summary>The channel and payload of the notification a cron write sends.</summary>
    private void AddCronChannel(NpgsqlCommand command)
    {
        command.Add("channel", NpgsqlDbType.Text, NotificationChannel);
        command.Add("cron_payload", NpgsqlDbType.Text, _cronChangePayload);
    }
}
