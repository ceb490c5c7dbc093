using Microsoft.Extensions.Time.Testing;
using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>Crons declared with a function are seeded at start without touching crons created any other way.</summary>
public sealed class CronSeedingTests
{
    private static TickerFunctionDescriptor Cleanup(string cron) =>
        new("Cleanup", (_, _) => ValueTask.CompletedTask) { CronExpression = cron };

    [Fact]
    public async Task Two_nodes_starting_on_one_store_seed_one_cron()
    {
        var store = new InMemoryTickerStore(new FakeTimeProvider(TickerTestHost.Start));

        var hosts = await Task.WhenAll(
            TickerTestHost.StartAsync(t => t.AddFunction(Cleanup("0 */5 * * * *")), sharedStore: store),
            TickerTestHost.StartAsync(t => t.AddFunction(Cleanup("0 */5 * * * *")), sharedStore: store));

        var crons = await store.QueryCronsAsync(0, 10, default);
        var cron = Assert.Single(crons.Items);
        Assert.Equal(("Cleanup", "0 */5 * * * *", "Cleanup"), (cron.Function, cron.Expression, cron.SeedKey));
        Assert.True((await hosts[0].CronReads().GetCronTickerByIdAsync(cron.Id))!.IsSeeded);
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Seeding_keeps_crons_created_through_the_manager_and_updates_its_own()
    {
        var store = new InMemoryTickerStore(new FakeTimeProvider(TickerTestHost.Start));
        await using (var first = await TickerTestHost.StartAsync(
            t => t.AddFunction(Cleanup("0 */5 * * * *")), sharedStore: store))
        {
            await first.AddCronAsync(new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *" });
        }

        await using var second = await TickerTestHost.StartAsync(
            t => t.AddFunction(Cleanup("0 */10 * * * *")), sharedStore: store);

        var crons = (await store.QueryCronsAsync(0, 10, default)).Items;
        Assert.Equal(
            [("0 */10 * * * *", true), ("0 0 * * *", false)],
            crons.Select(cron => (cron.Expression, cron.SeedKey is not null)).OrderBy(pair => pair.Item1));
    }

    [Fact]
    public async Task An_invalid_declared_cron_is_not_seeded_and_does_not_stop_the_node()
    {
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Cleanup("not a cron")));

        Assert.Equal(0, (await host.Store.QueryCronsAsync(0, 10, default)).TotalCount);
    }
}
