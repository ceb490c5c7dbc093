using System.Collections.Concurrent;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Claims_racing_on_two_stores_never_return_the_same_row_and_together_take_every_row()
    {
        await using var first = new PostgreSqlTickerStore(_schema.Options());
        await using var second = new PostgreSqlTickerStore(_schema.Options());
        var tickers = Tickers.Many(3000, DateTime.UtcNow.AddSeconds(-1));
        Assert.True((await first.InsertAsync(tickers, default)).IsApplied);
        var claims = new ConcurrentBag<(string Owner, Guid Id)>();

        await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => DrainAsync(first, $"first-{i}", claims))
                .Concat(Enumerable.Range(0, 4).Select(i => DrainAsync(second, $"second-{i}", claims))));

        var ids = claims.Select(claim => claim.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(tickers.Select(t => t.Id).Order(), ids.Order());
        Assert.True(claims.Any(c => c.Owner.StartsWith("first", StringComparison.Ordinal))
            && claims.Any(c => c.Owner.StartsWith("second", StringComparison.Ordinal)), "Both stores should have claimed.");
    }

    [Fact]
    public async Task An_expired_lease_taken_over_by_racing_claims_goes_to_exactly_one_of_them()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options());
        var tickers = Tickers.Many(200, DateTime.UtcNow.AddSeconds(-1));
        await store.InsertAsync(tickers, default);
        var lost = await store.ClaimDueAsync(Tickers.Claim("crashed", DateTime.UtcNow, 200, leaseSeconds: 0.2), default);
        Assert.Equal(200, lost.Count);
        await Task.Delay(400);

        var racers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            store.ClaimDueAsync(Tickers.Claim($"racer-{i}", DateTime.UtcNow, 100), default)));

        var taken = racers.SelectMany(batch => batch).ToList();
        Assert.Equal(200, taken.Count);
        Assert.Equal(200, taken.Select(t => t.Id).Distinct().Count());
        Assert.All(taken, t => Assert.Equal(1, t.RetryCount));
    }

    private static async Task DrainAsync(
        PostgreSqlTickerStore store,
        string owner,
        ConcurrentBag<(string, Guid)> claims)
    {
        while (true)
        {
            var batch = await store.ClaimDueAsync(Tickers.Claim(owner, DateTime.UtcNow, 37), default);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var row in batch)
            {
                claims.Add((owner, row.Id));
            }
        }
    }
}
