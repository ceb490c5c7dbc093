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

    [Fact]
    public async Task A_cron_added_beside_ten_thousand_is_planned_without_reading_the_others()
    {
        var (host, counting) = await StartWithYearlyCronsAsync(10_000);
        await using (host)
        {
            var readsBefore = counting.CronReads;

            var added = await host.AddCronAsync(new CronTickerEntity { Function = "Yearly", Expression = "30 9 * * *" });

            await Eventually.TrueAsync(() => host.Store.Count == 10_001, "the added cron's occurrence");
            var occurrence = Assert.Single(await host.OccurrencesAsync(added.Id));
            Assert.Equal(host.Now.Date.AddHours(9).AddMinutes(30), occurrence.ExecutionTime);
            Assert.Equal(readsBefore, counting.CronReads);
        }
    }

    [Fact]
    public async Task A_deleted_cron_is_dropped_without_reading_the_others_and_never_planned_again()
    {
        var (host, counting) = await StartWithYearlyCronsAsync(1_000);
        await using (host)
        {
            var deleted = await host.AddCronAsync(new CronTickerEntity { Function = "Yearly", Expression = "* * * * *" });
            await Eventually.TrueAsync(() => host.Store.Count == 1_001, "the added cron's occurrence");
            var readsBefore = counting.CronReads;

            var result = await host.Crons().DeleteAsync(deleted.Id);
            Assert.True(result.IsSucceeded, result.Exception?.ToString());
            await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(10));
            await Task.Delay(100);

            Assert.Empty(await host.OccurrencesAsync(deleted.Id));
            Assert.Equal(1_000, host.Store.Count);
            // The delete itself reads the cron once (to return it); the planner reads nothing.
            Assert.Equal(readsBefore + 1, counting.CronReads);
        }
    }

    private static async Task<(TickerTestHost Host, CountingCronStore Counting)> StartWithYearlyCronsAsync(int count)
    {
        CountingCronStore? counting = null;
        var crons = Enumerable.Range(0, count)
            .Select(i => CronHost.Existing("Yearly", $"0 {i % 60} {i / 60 % 24} 1 1 *", TickerTestHost.Start.UtcDateTime))
            .ToList();
        var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Yearly")),
            seed: store => store.InsertCronsAsync(crons, default),
            wrapStore: store => counting = new CountingCronStore((InMemoryTickerStore)store));
        await Eventually.TrueAsync(() => host.Store.Count == count, "a pending occurrence per cron");

        return (host, counting!);
    }

    /// <remarks>PostgreSQL keeps microseconds: a cron the manager wrote at 12:00:00.1234567 reads back as
    /// 12:00:00.123456. Were that a mismatch, every cron added on a PostgreSQL node would make the planner read all
    /// crons again when its first occurrence comes due.</remarks>
    [Fact]
    public void A_plan_matches_its_cron_read_back_at_microsecond_precision_but_not_a_later_change()
    {
        var written = new CronTickerRecord
        {
            Id = Guid.NewGuid(), Function = "F", Expression = "0 0 * * * *", IsEnabled = true,
            CreatedAt = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567),
        };
        written.UpdatedAt = written.CreatedAt;
        var plan = CronPlan.TryCreate(written, out _)!;
        var readBack = written.Clone();
        readBack.UpdatedAt = written.UpdatedAt.AddTicks(-7);
        var changed = written.Clone();
        changed.UpdatedAt = written.UpdatedAt.AddTicks(3);

        Assert.True(plan.Matches(readBack));
        Assert.False(plan.Matches(changed));
    }
}
