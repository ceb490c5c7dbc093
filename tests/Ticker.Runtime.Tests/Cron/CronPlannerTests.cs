using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>The planner on a real host driven by a fake clock: occurrences once each, on time, re-planned on change.
/// </summary>
public sealed class CronPlannerTests
{
    private static readonly DateTime s_start = TickerTestHost.Start.UtcDateTime;

    [Fact]
    public async Task A_per_second_cron_fires_once_per_second_for_an_hour()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Tick", runs)));
        await host.AddCronAsync(new CronTickerEntity { Function = "Tick", Expression = "* * * * * *" });

        await host.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => runs.Count >= 3600, "3,600 runs");

        var expected = Enumerable.Range(1, 3600).Select(second => s_start.AddSeconds(second));
        Assert.Equal(expected, CronHost.Times(runs).Order());
    }

    [Fact]
    public async Task The_next_occurrence_waits_as_an_idle_row_ahead_of_its_time()
    {
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Noop("Report")));
        var cron = await host.AddCronAsync(new CronTickerEntity
        {
            Function = "Report", Expression = "0 30 9 * * *", TimeZone = "Europe/Berlin",
        });

        await Eventually.TrueAsync(async () => (await host.OccurrencesAsync(cron.Id)).Count == 1,
            () => Task.FromResult("the first occurrence"));

        var pending = Assert.Single(await host.OccurrencesAsync(cron.Id));
        Assert.Equal((TickerStatus.Idle, new DateTime(2026, 1, 6, 8, 30, 0, DateTimeKind.Utc)),
            (pending.Status, pending.ExecutionTime));
    }

    [Fact]
    public async Task Updating_the_expression_replaces_the_pending_occurrence()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Sync", runs)));
        var cron = await host.AddCronAsync(new CronTickerEntity { Function = "Sync", Expression = "0 0 * * *" });
        await WaitForPendingAsync(host, cron.Id, s_start.Date.AddDays(1));

        cron.Expression = "*/5 * * * *";
        Assert.True((await host.Crons().UpdateAsync(cron)).IsSucceeded);

        await WaitForPendingAsync(host, cron.Id, s_start.AddMinutes(5));
        await host.AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => runs.Count == 1, "the run at 09:05");
        Assert.Equal([s_start.AddMinutes(5)], CronHost.Times(runs));
    }

    [Fact]
    public async Task Pausing_removes_the_pending_occurrence_and_resuming_does_not_catch_up()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Beat", runs)));
        var cron = await host.AddCronAsync(new CronTickerEntity { Function = "Beat", Expression = "* * * * *" });
        await host.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => runs.Count == 2, "two runs");

        cron.IsEnabled = false;
        Assert.True((await host.Crons().UpdateAsync(cron)).IsSucceeded);
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await host.OccurrencesAsync(cron.Id), row => row.Status == TickerStatus.Idle);

        cron.IsEnabled = true;
        Assert.True((await host.Crons().UpdateAsync(cron)).IsSucceeded);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => runs.Count == 3, "the run after resuming");

        Assert.Equal([1, 2, 6], CronHost.Times(runs).Select(time => (int)(time - s_start).TotalMinutes));
    }

    [Fact]
    public async Task Deleting_a_cron_removes_its_pending_occurrence_and_keeps_its_history()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Beat", runs)));
        var cron = await host.AddCronAsync(new CronTickerEntity { Function = "Beat", Expression = "* * * * *" });
        await host.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await host.OccurrencesAsync(cron.Id)).Count(
            row => row.Status == TickerStatus.Done) == 1, () => Task.FromResult("the first run to end"));

        Assert.True((await host.Crons().DeleteAsync(cron.Id)).IsSucceeded);
        await host.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));

        var history = await host.OccurrencesAsync(cron.Id);
        Assert.Equal([TickerStatus.Done], history.Select(row => row.Status));
        Assert.Single(runs);
        Assert.Null(await host.CronReads().GetCronTickerByIdAsync(cron.Id));
    }

    [Fact]
    public async Task Run_now_runs_an_extra_occurrence_without_moving_the_schedule()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Report", runs)));
        var cron = await host.AddCronAsync(new CronTickerEntity { Function = "Report", Expression = "0 0 * * *" });

        var result = await host.Crons().RunNowAsync(cron.Id);

        Assert.True(result.IsSucceeded, result.Exception?.ToString());
        await Eventually.TrueAsync(() => runs.Count == 1, "the run started by hand");
        Assert.Null(result.Result!.ScheduledTime);
        await WaitForPendingAsync(host, cron.Id, s_start.Date.AddDays(1));
    }

    private static Task WaitForPendingAsync(TickerTestHost host, Guid cronId, DateTime at) =>
        Eventually.TrueAsync(
            async () => (await host.OccurrencesAsync(cronId)).Where(row => row.Status == TickerStatus.Idle)
                .Select(row => row.ExecutionTime).SequenceEqual([at]),
            async () => $"one pending occurrence at {at:O}, but there are "
                + string.Join(", ", (await host.OccurrencesAsync(cronId)).Select(row => $"{row.Status} {row.ExecutionTime:O}")));
}
