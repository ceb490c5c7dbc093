using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>Idle crons cost nothing: the planner holds them in memory and sleeps until the earliest occurrence.
/// </summary>
public sealed class CronIdleCostTests
{
    [Fact]
    public async Task Ten_thousand_idle_crons_are_not_read_again_between_occurrences()
    {
        CountingCronStore? counting = null;
        var crons = Enumerable.Range(0, 10_000)
            .Select(i => CronHost.Existing("Yearly", $"0 {i % 60} {i / 60 % 24} 1 1 *", TickerTestHost.Start.UtcDateTime))
            .ToList();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Yearly")),
            seed: store => store.InsertCronsAsync(crons, default),
            wrapStore: store => counting = new CountingCronStore((InMemoryTickerStore)store));
        await Eventually.TrueAsync(() => host.Store.Count == 10_000, "a pending occurrence per cron");
        var readsAfterStart = counting!.CronReads;

        await host.AdvanceAsync(TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(10));
        await Task.Delay(100);

        Assert.Equal(readsAfterStart, counting.CronReads);
        Assert.Equal(10_000, host.Store.Count);
    }

    [Fact]
    public async Task The_safety_reload_reads_every_cron_once_per_interval()
    {
        CountingCronStore? counting = null;
        var cron = CronHost.Existing("Yearly", "0 0 1 1 *", TickerTestHost.Start.UtcDateTime);
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Yearly")),
            seed: store => store.InsertCronsAsync([cron], default),
            wrapStore: store => counting = new CountingCronStore((InMemoryTickerStore)store));
        await Eventually.TrueAsync(() => host.Store.Count == 1, "the pending occurrence");
        var readsAfterStart = counting!.CronReads;

        await host.AdvanceAsync(CronPlanner.ReloadInterval, TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => counting.CronReads == readsAfterStart + 2, "one reload (crons and last times)");
    }
}
