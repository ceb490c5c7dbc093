using System.Collections.Concurrent;

namespace Ticker.Sqlite.Tests;

/// <summary>Two store instances on one file behave as two nodes sharing a database.</summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_nodes_claiming_concurrently_never_claim_the_same_row_and_claim_every_row()
    {
        var ids = await SeedAsync(2_000);
        using var nodeA = new SqliteTickerStore(_database.Path, TimeProvider.System);
        using var nodeB = new SqliteTickerStore(_database.Path, TimeProvider.System);
        await Task.WhenAll(
            nodeA.InitializeAsync(CancellationToken.None),
            nodeB.InitializeAsync(CancellationToken.None));
        var claimed = new ConcurrentBag<Guid>();

        await Task.WhenAll(
            Task.Run(() => ClaimUntilEmptyAsync(nodeA, "node-a", claimed)),
            Task.Run(() => ClaimUntilEmptyAsync(nodeB, "node-b", claimed)));

        var all = claimed.ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids.Order(), all.Order());
    }

    [Fact]
    public async Task Two_nodes_completing_the_same_row_write_only_the_current_claim()
    {
        var ids = await SeedAsync(1);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var nodeA = new SqliteTickerStore(_database.Path, clock);
        using var nodeB = new SqliteTickerStore(_database.Path, clock);
        var lost = Assert.Single(await nodeA.ClaimDueAsync(Claim("node-a"), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        var taken = Assert.Single(await nodeB.ClaimDueAsync(Claim("node-b"), CancellationToken.None));

        var staleWrites = await nodeA.CompleteAsync([Done(lost)], CancellationToken.None);
        var currentWrites = await nodeB.CompleteAsync([Done(taken)], CancellationToken.None);

        Assert.Equal((0, 1), (staleWrites, currentWrites));
        Assert.Equal(TickerStatus.Done, (await nodeA.GetAsync(ids[0], CancellationToken.None))!.Status);
    }

    private static async Task ClaimUntilEmptyAsync(
        SqliteTickerStore store,
        string node,
        ConcurrentBag<Guid> claimed)
    {
        while (true)
        {
            var batch = await store.ClaimDueAsync(Claim(node, 50), CancellationToken.None);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var row in batch)
            {
                claimed.Add(row.Id);
            }
        }
    }

    private static TickerClaim Claim(string node, int maxCount = 10) =>
        new(node, DateTime.UtcNow.AddYears(1), maxCount, TimeSpan.FromMinutes(1));

    private static TickerCompletion Done(TickerRecord claimed) =>
        new(claimed.Id, claimed.Fence, TickerStatus.Done, claimed.RetryCount, claimed.ExecutionTime, null, 1, null);

    private async Task<List<Guid>> SeedAsync(int count)
    {
        using var seeder = new SqliteTickerStore(_database.Path, TimeProvider.System);
        var now = DateTime.UtcNow;
        var records = Enumerable.Range(0, count).Select(i => new TickerRecord
        {
            Id = Guid.NewGuid(),
            Function = "Work",
            ExecutionTime = now.AddMilliseconds(-i),
            Request = [1, 2, 3],
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        var result = await seeder.InsertAsync(records, CancellationToken.None);
        Assert.True(result.IsApplied);

        return [.. records.Select(record => record.Id)];
    }
}
