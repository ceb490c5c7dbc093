using Ticker.Stores.Conformance;

namespace Ticker.Sqlite.Tests;

/// <summary>The SQLite store against the cron part of the store contract, each test on a fresh database file.</summary>
public sealed class SqliteCronStoreConformanceTests : CronStoreConformanceTests
{
    private readonly TempDatabase _database = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    protected override Task<ITickerStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<ITickerStore>(new SqliteTickerStore(_database.Path, clock));
}
