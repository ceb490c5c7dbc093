using Npgsql;

namespace Ticker;

/// <summary>
/// Brings a schema up to <see cref="PostgreSqlTickerSchema.CurrentVersion"/> in one transaction that holds an advisory
/// lock named after the schema, so nodes starting together run each script once and the others find it done.
/// </summary>
internal static class PostgreSqlSchemaMigrator
{
    private const string TakeLock = "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))";

    private const string VersionTableExists = "SELECT to_regclass(@table) IS NOT NULL";

    /// <summary>Runs the scripts the database lacks; returns the version it found.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource source, string schema, CancellationToken token)
    {
        var connection = await source.OpenConnectionAsync(token).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, TakeLock, "key", "ticker-migrate:" + schema, token).ConfigureAwait(false);
                var version = await ReadVersionAsync(connection, schema, token).ConfigureAwait(false);
                foreach (var script in PostgreSqlTickerSchema.Scripts(schema).Where(step => step.Version > version))
                {
                    await ExecuteAsync(connection, script.Sql, null, null, token).ConfigureAwait(false);
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);

                return version;
            }
        }
    }

    /// <summary>The version the schema has, 0 when it has no version table yet.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, string schema, CancellationToken token)
    {
        var quoted = PostgreSqlIdentifier.Quote(schema, nameof(schema));
        var exists = await ScalarAsync(connection, VersionTableExists, "table", quoted + ".schema_version", token)
            .ConfigureAwait(false);
        if (exists is not true)
        {
            return 0;
        }

        var version = await ScalarAsync(
            connection, $"SELECT COALESCE(max(version), 0) FROM {quoted}.schema_version", null, null, token)
            .ConfigureAwait(false);

        return Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        string? name,
        string? value,
        CancellationToken token)
    {
        await ScalarAsync(connection, sql, name, value, token).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection,
        string sql,
        string? name,
        string? value,
        CancellationToken token)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            if (name is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string>(name, value!));
            }

            return await command.ExecuteScalarAsync(token).ConfigureAwait(false);
        }
    }
}
