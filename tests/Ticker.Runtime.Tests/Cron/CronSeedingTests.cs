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

    [Fact]
    public async Task A_cron_declared_as_a_configuration_key_is_seeded_and_planned_with_the_configured_expression()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Cleanup("%Crons:Cleanup%")),
            configuration: new Dictionary<string, string?> { ["Crons:Cleanup"] = "0 */5 * * * *" });

        var cron = Assert.Single((await host.Store.QueryCronsAsync(0, 10, default)).Items);
        Assert.Equal(("0 */5 * * * *", "Cleanup"), (cron.Expression, cron.SeedKey));
        await Eventually.TrueAsync(
            async () => (await host.OccurrencesAsync(cron.Id)).Count == 1, () => Task.FromResult("one occurrence"));
        var occurrence = Assert.Single(await host.OccurrencesAsync(cron.Id));
        Assert.Equal(host.Now.AddMinutes(5), occurrence.ScheduledTime);
    }

    [Fact]
    public async Task A_changed_configuration_value_updates_the_seeded_cron_at_the_next_start()
    {
        var store = new InMemoryTickerStore(new FakeTimeProvider(TickerTestHost.Start));
        await using (await StartWithConfiguredCronAsync(store, "0 */5 * * * *"))
        {
        }

        await using var second = await StartWithConfiguredCronAsync(store, "0 0 3 * * *");

        var cron = Assert.Single((await store.QueryCronsAsync(0, 10, default)).Items);
        Assert.Equal("0 0 3 * * *", cron.Expression);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 25 * * *")]
    public async Task A_missing_or_invalid_configured_cron_keeps_the_seeded_one_and_the_node_runs_on(string? value)
    {
        var store = new InMemoryTickerStore(new FakeTimeProvider(TickerTestHost.Start));
        await using (await StartWithConfiguredCronAsync(store, "0 */5 * * * *"))
        {
        }

        await using var second = await StartWithConfiguredCronAsync(store, value);
        var ran = await second.AddAsync(new TimeTickerEntity { Function = "Cleanup", ExecutionTime = second.Now });

        var cron = Assert.Single((await store.QueryCronsAsync(0, 10, default)).Items);
        Assert.Equal("0 */5 * * * *", cron.Expression);
        Assert.Equal(TickerStatus.Done, (await second.WaitForStatusAsync(ran.Id, TickerStatus.Done)).Status);
    }

    [Fact]
    public async Task An_invalid_configured_cron_on_a_first_start_is_not_seeded()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Cleanup("%Crons:Cleanup%")),
            configuration: new Dictionary<string, string?> { ["Crons:Cleanup"] = "every day" });

        Assert.Equal(0, (await host.Store.QueryCronsAsync(0, 10, default)).TotalCount);
    }

    private static Task<TickerTestHost> StartWithConfiguredCronAsync(InMemoryTickerStore store, string? value) =>
        TickerTestHost.StartAsync(
            t => t.AddFunction(Cleanup("%Crons:Cleanup%")),
            sharedStore: store,
            configuration: new Dictionary<string, string?> { ["Crons:Cleanup"] = value });
}
