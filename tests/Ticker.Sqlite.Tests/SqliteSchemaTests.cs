using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Ticker.Sqlite.Tests;

/// <summary>The schema the store creates: versioned, idempotent, WAL, typed columns, indexed claims.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Initialize_records_each_schema_version_it_applied()
    {
        using var store = await OpenAsync();

        var versions = RawDatabase.Column(_database.Path, "SELECT version FROM ticker_schema_version ORDER BY version");

        var expected = Enumerable.Range(1, SqliteTickerStore.SchemaVersion)
            .Select(version => version.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, versions);
    }

    [Fact]
    public async Task Initialize_again_on_an_existing_file_applies_nothing_and_keeps_the_data()
    {
        var ticker = NewTicker();
        using (var first = await OpenAsync())
        {
            await first.InsertAsync([ticker], CancellationToken.None);
        }

        using var second = await OpenAsync();
        await second.InitializeAsync(CancellationToken.None);

        var versions = RawDatabase.Scalar<long>(_database.Path, "SELECT COUNT(*) FROM ticker_schema_version");
        Assert.Equal(SqliteTickerStore.SchemaVersion, versions);
        Assert.NotNull(await second.GetAsync(ticker.Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_database_is_in_WAL_mode()
    {
        using var store = await OpenAsync();

        Assert.Equal("wal", RawDatabase.Scalar<string>(_database.Path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Times_are_integer_ticks_requests_blobs_and_retry_intervals_a_comma_list()
    {
        using var store = await OpenAsync();
        var ticker = NewTicker();
        await store.InsertAsync([ticker], CancellationToken.None);

        var row = RawDatabase.Column(_database.Path, """
            SELECT typeof(execution_time) FROM tickers UNION ALL SELECT execution_time FROM tickers
            UNION ALL SELECT typeof(request) FROM tickers UNION ALL SELECT retry_intervals FROM tickers
            """);

        var ticks = ticker.ExecutionTime.Ticks.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(["integer", ticks, "blob", "5,30"], row);
    }

    [Fact]
    public async Task The_claim_reads_the_due_and_lease_indexes_instead_of_the_table()
    {
        using var store = await OpenAsync();

        var steps = RawDatabase.Column(_database.Path, "EXPLAIN QUERY PLAN " + ClaimSql(), ordinal: 3);
        var plan = string.Join('\n', steps);

        Assert.Contains("ix_tickers_due", plan, StringComparison.Ordinal);
        Assert.Contains("ix_tickers_lease", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN tickers", plan, StringComparison.Ordinal);
    }

    /// <summary>The claim statement with its parameters replaced by values, as EXPLAIN cannot bind them here.</summary>
    private static string ClaimSql() => SqliteTickerClaims.Claim
        .Replace("$owner", "'node'", StringComparison.Ordinal)
        .Replace("$now", "0", StringComparison.Ordinal)
        .Replace("$lease_expiry", "0", StringComparison.Ordinal)
        .Replace("$due_before", "0", StringComparison.Ordinal)
        .Replace("$max_count", "10", StringComparison.Ordinal);

    private async Task<SqliteTickerStore> OpenAsync()
    {
        var store = new SqliteTickerStore(_database.Path, _clock);
        await store.InitializeAsync(CancellationToken.None);

        return store;
    }

    private TickerRecord NewTicker() => new()
    {
        Id = Guid.NewGuid(),
        Function = "Work",
        ExecutionTime = _clock.GetUtcNow().UtcDateTime,
        Request = [1, 2, 3],
        RetryIntervals = [5, 30],
        CreatedAt = _clock.GetUtcNow().UtcDateTime,
        UpdatedAt = _clock.GetUtcNow().UtcDateTime,
    };
}
