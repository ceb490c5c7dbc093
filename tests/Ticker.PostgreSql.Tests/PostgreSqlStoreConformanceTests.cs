using Ticker.PostgreSql.Tests.Support;
using Ticker.Stores.Conformance;

namespace Ticker.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL store against the shared store contract, each test in a schema of its own. The suite drives lease
/// time through a fake clock, which the store takes as <see cref="PostgreSqlTickerStoreOptions.LeaseClockOverride"/>:
/// the statements are the same as in production, with the clock's time bound where production uses the database's
/// <c>now()</c>. That production path is tested in PostgreSqlClockTests.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlStoreConformanceTests(PostgreSqlServer server) : TickerStoreConformanceTests
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
