using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>Queries, and reading the single summary row the write statements return.</summary>
public sealed partial class PostgreSqlTickerStore
{
    /// <inheritdoc />
    /// <remarks>The count and the page travel in one round trip as a batch of two statements.</remarks>
    public async Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var batch = _source.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(Filtered(_sql.Count, query));
            var page = Filtered(_sql.Page, query);
            AddPaging(page, query.Skip, query.Take);
            batch.BatchCommands.Add(page);

            return await ReadPageAsync(batch, PostgreSqlTickerRows.Read, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a statement that returns one row of numbers (counts, positions); a <c>NULL</c> stays
    /// <see langword="null"/>.</summary>
    private static async Task<long?[]> ReadNumbersAsync(NpgsqlCommand command, CancellationToken token)
    {
        var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(token).ConfigureAwait(false);
            var numbers = new long?[reader.FieldCount];
            for (var i = 0; i < numbers.Length; i++)
            {
                numbers[i] = reader.IsDBNull(i) ? null : reader.GetInt64(i);
            }

            return numbers;
        }
    }

    private static NpgsqlBatchCommand Filtered(string sql, TimeTickerQuery query)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(Nullable("status", NpgsqlDbType.Smallint, (short?)query.Status));
        command.Parameters.Add(Nullable("function", NpgsqlDbType.Text, query.Function));
        command.Parameters.Add(Nullable("from", NpgsqlDbType.TimestampTz, PostgreSqlValues.Utc(query.From)));
        command.Parameters.Add(Nullable("to", NpgsqlDbType.TimestampTz, PostgreSqlValues.Utc(query.To)));

        return command;
    }

    /// <summary>The <c>@skip</c> and <c>@take</c> of a page.</summary>
    private static void AddPaging(NpgsqlBatchCommand command, int skip, int take)
    {
        command.Parameters.Add(new NpgsqlParameter<int>("skip", NpgsqlDbType.Integer) { TypedValue = Math.Max(skip, 0) });
        command.Parameters.Add(new NpgsqlParameter<int>("take", NpgsqlDbType.Integer) { TypedValue = Math.Max(take, 0) });
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    /// <summary>Runs a batch of a count and a page and reads both.</summary>
    private static async Task<TickerPage<T>> ReadPageAsync<T>(
        NpgsqlBatch batch,
        Func<NpgsqlDataReader, T> read,
        CancellationToken token)
    {
        var reader = await batch.ExecuteReaderAsync(token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(token).ConfigureAwait(false);
            var total = (int)reader.GetInt64(0);
            await reader.NextResultAsync(token).ConfigureAwait(false);
            var items = new List<T>();
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                items.Add(read(reader));
            }

            return new TickerPage<T>(items, total);
        }
    }

    private async Task CheckSchemaAsync(CancellationToken token)
    {
        var connection = await _source.OpenConnectionAsync(token).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var version = await PostgreSqlSchemaMigrator.ReadVersionAsync(connection, Schema, token)
                .ConfigureAwait(false);
            if (version < PostgreSqlTickerSchema.CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"The Ticker schema \"{Schema}\" is at version {version}, but this store needs version " +
                    $"{PostgreSqlTickerSchema.CurrentVersion}. Run PostgreSqlTickerSchema.Scripts, or turn " +
                    "MigrateOnStart on.");
            }
        }
    }
}
