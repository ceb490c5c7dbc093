using Npgsql;

namespace Ticker.PostgreSql.Tests.Support;

/// <summary>A schema of its own for one test, with a matching notification channel; dropped on dispose.</summary>
public sealed class TestSchema(PostgreSqlServer server) : IAsyncDisposable
{
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => server.ConnectionString;

    /// <summary>Options for a store on this schema, listening on a channel named after it.</summary>
    public PostgreSqlTickerStoreOptions Options(
        TimeProvider? leaseClock = null,
        TimeProvider? nodeClock = null,
        bool migrate = true) => new()
    {
        MigrateOnStart = migrate,
        ConnectionString = ConnectionString,
        Schema = Name,
        NotificationChannel = Name,
        LeaseClockOverride = leaseClock,
        NodeClock = nodeClock ?? leaseClock ?? TimeProvider.System,
    };

    /// <summary>Runs a statement as superuser and returns its first value.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ScalarAsync($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE");
    }
}
