using Microsoft.Extensions.Time.Testing;

namespace Ticker.Sqlite.Tests;

/// <summary>How the store is pointed at its database, and that what it wrote is there when it comes back.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_file()
    {
        var ticker = NewTicker();
        using (var first = new SqliteTickerStore(_database.Path, _clock))
        {
            await first.InsertAsync([ticker], CancellationToken.None);
        }

        using var reopened = new SqliteTickerStore(_database.Path, _clock);
        var claimed = await reopened.ClaimDueAsync(Claim(ticker), CancellationToken.None);

        var row = Assert.Single(claimed);
        Assert.Equal((ticker.Id, ticker.Function, ticker.ExecutionTime), (row.Id, row.Function, row.ExecutionTime));
        Assert.Equal(ticker.Request, row.Request);
    }

    [Fact]
    public async Task A_connection_string_names_the_file_as_a_path_does()
    {
        var ticker = NewTicker();
        using (var byConnectionString = new SqliteTickerStore($"Data Source={_database.Path};Cache=Private", _clock))
        {
            await byConnectionString.InsertAsync([ticker], CancellationToken.None);
        }

        using var byPath = new SqliteTickerStore(_database.Path, _clock);

        Assert.NotNull(await byPath.GetAsync(ticker.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_in_memory_database_serves_reads_and_writes_from_one_database()
    {
        using var store = new SqliteTickerStore("Data Source=:memory:", _clock);
        var ticker = NewTicker();

        await store.InsertAsync([ticker], CancellationToken.None);

        Assert.NotNull(await store.GetAsync(ticker.Id, CancellationToken.None));
        Assert.Equal(ticker.ExecutionTime, await store.GetNextWakeTimeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Operations_before_InitializeAsync_create_the_schema_first()
    {
        using var store = new SqliteTickerStore(_database.Path, _clock);
        var ticker = NewTicker();

        var result = await store.InsertAsync([ticker], CancellationToken.None);

        Assert.True(result.IsApplied);
        Assert.Equal(1L, RawDatabase.Scalar<long>(_database.Path, "SELECT COUNT(*) FROM tickers"));
    }

    [Fact]
    public async Task Disposing_the_store_closes_its_connections()
    {
        var store = new SqliteTickerStore(_database.Path, _clock);
        await store.InsertAsync([NewTicker()], CancellationToken.None);
        await store.GetNextWakeTimeAsync(CancellationToken.None);
        Assert.True(File.Exists(_database.Path + "-wal"), "An open store in WAL mode keeps a WAL file.");

        store.Dispose();

        Assert.False(
            File.Exists(_database.Path + "-wal"),
            "The last connection to close checkpoints the WAL into the database and removes it.");
    }

    private static TickerClaim Claim(TickerRecord ticker) =>
        new("node", ticker.ExecutionTime, 10, TimeSpan.FromMinutes(1));

    private TickerRecord NewTicker() => new()
    {
        Id = Guid.NewGuid(),
        Function = "Work",
        ExecutionTime = _clock.GetUtcNow().UtcDateTime,
        Request = [1, 2, 3],
        CreatedAt = _clock.GetUtcNow().UtcDateTime,
        UpdatedAt = _clock.GetUtcNow().UtcDateTime,
    };
}
