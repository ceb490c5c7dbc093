using Microsoft.Extensions.Time.Testing;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>In production leases are stamped and judged by the database's clock; nodes' clocks only decide which idle
/// tickers are due for them.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlClockTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task A_claim_stamps_its_lease_by_the_database_clock_whatever_the_node_clock_says()
    {
        var farAhead = new FakeTimeProvider(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var store = new PostgreSqlTickerStore(_schema.Options(nodeClock: farAhead));
        await store.InsertAsync([Tickers.Due(DateTime.UtcNow.AddMinutes(-1))], default);

        var before = await DatabaseNowAsync();
        var claimed = Assert.Single(await store.ClaimDueAsync(Claim("node", farAhead), default));
        var after = await DatabaseNowAsync();

        Assert.InRange(claimed.LockedAt!.Value, before, after);
        Assert.Equal(claimed.LockedAt + s_lease, claimed.LeaseExpiry);
    }

    [Fact]
    public async Task A_node_whose_clock_runs_ahead_cannot_take_over_a_live_lease()
    {
        var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        await using var first = new PostgreSqlTickerStore(_schema.Options());
        await using var skewed = new PostgreSqlTickerStore(_schema.Options(nodeClock: ahead));
        await first.InsertAsync([Tickers.Due(DateTime.UtcNow.AddSeconds(-1))], default);
        Assert.Single(await first.ClaimDueAsync(Claim("first", TimeProvider.System), default));

        var taken = await skewed.ClaimDueAsync(Claim("skewed", ahead), default);

        Assert.Empty(taken);
    }

    [Fact]
    public async Task A_lease_that_ran_out_by_database_time_is_taken_over_by_a_node_whose_clock_runs_behind()
    {
        var behind = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10));
        await using var first = new PostgreSqlTickerStore(_schema.Options());
        await using var skewed = new PostgreSqlTickerStore(_schema.Options(nodeClock: behind));
        var ticker = Tickers.Due(DateTime.UtcNow.AddSeconds(-1));
        await first.InsertAsync([ticker], default);
        var shortLease = new TickerClaim("first", DateTime.UtcNow, 10, TimeSpan.FromMilliseconds(300));
        Assert.Single(await first.ClaimDueAsync(shortLease, default));
        await Task.Delay(500);

        var taken = Assert.Single(await skewed.ClaimDueAsync(Claim("skewed", behind), default));

        Assert.Equal((ticker.Id, "skewed", 1), (taken.Id, taken.LockHolder, taken.RetryCount));
    }

    [Fact]
    public async Task The_next_wake_time_gives_a_lease_expiry_on_the_node_clock()
    {
        var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        await using var store = new PostgreSqlTickerStore(_schema.Options(nodeClock: ahead));
        await store.InsertAsync([Tickers.Due(DateTime.UtcNow.AddSeconds(-1))], default);
        await store.ClaimDueAsync(Claim("node", ahead), default);

        var wake = await store.GetNextWakeTimeAsync(default);

        var expected = ahead.GetUtcNow().UtcDateTime + s_lease;
        Assert.InRange(wake!.Value, expected - TimeSpan.FromSeconds(5), expected);
    }

    private static TickerClaim Claim(string owner, TimeProvider nodeClock) =>
        new(owner, nodeClock.GetUtcNow().UtcDateTime, 10, s_lease);

    private async Task<DateTime> DatabaseNowAsync() => (DateTime)(await _schema.ScalarAsync("SELECT clock_timestamp()"))!;
}
