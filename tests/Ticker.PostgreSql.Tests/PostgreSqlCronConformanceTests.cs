using Ticker.PostgreSql.Tests.Support;
using Ticker.Stores.Conformance;

namespace Ticker.PostgreSql.Tests;

/// <summary>The cron part of the store contract on PostgreSQL, each test in a schema of its own, with the lease clock
/// driven by the suite as in <see cref="PostgreSqlStoreConformanceTests"/>.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlCronConformanceTests(PostgreSqlServer server) : CronStoreConformanceTests
{
    private readonly TestSchema _schema = new(server);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _schema.DisposeAsync();
    }

    protected override Task<ITickerStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<ITickerStore>(new PostgreSqlTickerStore(_schema.Options(leaseClock: clock)));
}
