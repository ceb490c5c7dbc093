using Npgsql;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlSchemaTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Scripts_run_twice_by_hand_are_harmless_and_leave_one_row_per_version()
    {
        await RunScriptsAsync();
        await RunScriptsAsync();

        Assert.Equal((long)PostgreSqlTickerSchema.CurrentVersion, await _schema.ScalarAsync(
            $"SELECT count(*) FROM \"{_schema.Name}\".schema_version"));
        await using var store = new PostgreSqlTickerStore(_schema.Options(migrate: false));
        await store.InitializeAsync(default);
        Assert.True((await store.InsertAsync([Tickers.Due(DateTime.UtcNow)], default)).IsApplied);
    }

    [Fact]
    public void Scripts_name_their_versions_in_order_from_one()
    {
        var scripts = PostgreSqlTickerSchema.Scripts("any");

        Assert.Equal(Enumerable.Range(1, PostgreSqlTickerSchema.CurrentVersion), scripts.Select(s => s.Version));
        Assert.All(scripts, script => Assert.Contains("\"any\".", script.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stores_initializing_at_once_migrate_the_schema_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlTickerStore(_schema.Options())).ToArray();

        await Task.WhenAll(stores.Select(store => store.InitializeAsync(default)));

        Assert.Equal((long)PostgreSqlTickerSchema.CurrentVersion, await _schema.ScalarAsync(
            $"SELECT count(*) FROM \"{_schema.Name}\".schema_version"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_store_that_does_not_migrate_refuses_a_schema_that_is_not_current()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options(migrate: false));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(default));

        Assert.Contains("PostgreSqlTickerSchema.Scripts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_name_with_capitals_spaces_and_quotes_is_used_as_written()
    {
        var odd = new TestSchema(server);
        var name = "Odd \"Name\" " + odd.Name;
        var options = odd.Options();
        options.Schema = name;
        await using (var store = new PostgreSqlTickerStore(options))
        {
            var ticker = Tickers.Due(DateTime.UtcNow);
            await store.InsertAsync([ticker], default);

            Assert.NotNull(await store.GetAsync(ticker.Id, default));
        }

        Assert.Equal(1L, await odd.ScalarAsync($"SELECT count(*) FROM \"{name.Replace("\"", "\"\"")}\".tickers"));
        await odd.ScalarAsync($"DROP SCHEMA \"{name.Replace("\"", "\"\"")}\" CASCADE");
    }

    [Fact]
    public async Task The_claim_reads_due_rows_through_the_due_index_however_many_rows_are_finished()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options());
        await store.InitializeAsync(default);
        await _schema.ScalarAsync($"""
            INSERT INTO "{_schema.Name}".tickers (id, function, execution_time, retries, status, retry_count, fence,
                elapsed_ms, created_at, updated_at, awaiting_parent)
            SELECT gen_random_uuid(), 'Work', now(), 0, CASE WHEN i % 100 = 0 THEN 0 ELSE 3 END, 0, 1, 0, now(), now(),
                false
            FROM generate_series(1, 20000) AS i;
            ANALYZE "{_schema.Name}".tickers;
            """);

        var plan = await ExplainClaimAsync();

        Assert.Contains("ix_tickers_due", plan, StringComparison.Ordinal);
        Assert.Contains("ix_tickers_lease", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private async Task RunScriptsAsync()
    {
        await using var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        foreach (var script in PostgreSqlTickerSchema.Scripts(_schema.Name))
        {
            await using var command = new NpgsqlCommand(script.Sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> ExplainClaimAsync()
    {
        await using var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + new PostgreSqlTickerStatements(_schema.Name).Claim, connection);
        command.Parameters.AddWithValue("now", NpgsqlTypes.NpgsqlDbType.TimestampTz, DBNull.Value);
        command.Parameters.AddWithValue("owner", "node");
        command.Parameters.AddWithValue("due_before", DateTime.UtcNow);
        command.Parameters.AddWithValue("max_count", 256);
        command.Parameters.AddWithValue("lease_length", TimeSpan.FromMinutes(1));
        command.Parameters.AddWithValue("gate_key", "gate:");
        command.Parameters.AddWithValue("skip_reason", "skipped");
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
