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

    [Fact]
    public async Task Occurrences_of_a_Wait_cron_claimed_by_racing_stores_never_run_side_by_side()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlTickerStore(_schema.Options())).ToArray();
        var cron = await AddCronAsync(stores[0], CronOverlapPolicy.Wait);
        var occurrences = Occurrences(cron, 40, CronOverlapPolicy.Wait);
        Assert.Equal(40, await stores[0].InsertOccurrencesAsync(occurrences, default));
        var running = 0;
        var mostAtOnce = 0;
        var finished = new ConcurrentBag<Guid>();

        await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            while (finished.Count < occurrences.Length)
            {
                foreach (var row in await store.ClaimDueAsync(Tickers.Claim($"node-{i}", DateTime.UtcNow, 10), default))
                {
                    var now = Interlocked.Increment(ref running);
                    Tickers.InterlockedMax(ref mostAtOnce, now);
                    await Task.Delay(2);
                    Interlocked.Decrement(ref running);
                    await store.CompleteAsync([Tickers.Done(row)], default);
                    finished.Add(row.Id);
                }
            }
        })));

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(occurrences.Select(o => o.Id).Order(), finished.Order());
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Occurrences_of_a_Skip_cron_claimed_by_racing_stores_run_once_or_end_skipped()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlTickerStore(_schema.Options())).ToArray();
        var cron = await AddCronAsync(stores[0], CronOverlapPolicy.Skip);
        var occurrences = Occurrences(cron, 40, CronOverlapPolicy.Skip);
        await stores[0].InsertOccurrencesAsync(occurrences, default);

        var claims = await Task.WhenAll(stores.Select((store, i) =>
            store.ClaimDueAsync(Tickers.Claim($"node-{i}", DateTime.UtcNow, 10), default)));

        var claimed = Assert.Single(claims.SelectMany(batch => batch));
        Assert.Equal(occurrences.OrderBy(o => o.ExecutionTime).First().Id, claimed.Id);
        var page = await stores[0].QueryOccurrencesAsync(cron.Id, 0, 100, default);
        Assert.Equal(39, page.Items.Count(row => row.Status == TickerStatus.Skipped));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    private static async Task<CronTickerRecord> AddCronAsync(PostgreSqlTickerStore store, CronOverlapPolicy overlap)
    {
        var cron = new CronTickerRecord
        {
            Id = Guid.NewGuid(),
            Function = "Work",
            Expression = "* * * * * *",
            IsEnabled = true,
            Overlap = overlap,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        Assert.True((await store.InsertCronsAsync([cron], default)).IsApplied);

        return cron;
    }

    private static TickerRecord[] Occurrences(CronTickerRecord cron, int count, CronOverlapPolicy overlap)
    {
        var start = DateTime.UtcNow.AddMinutes(-10);

        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var occurrence = Tickers.Due(start.AddSeconds(i));
            occurrence.CronTickerId = cron.Id;
            occurrence.CronTime = occurrence.ExecutionTime;
            occurrence.CronOverlap = overlap;
            return occurrence;
        })];
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
