using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>
/// What a node does at start with the occurrences missed while no node ran. The cron fires at minute 3 of every ten
/// minutes; its last occurrence ran at 07:53 and the node starts at 09:00, so 08:03 to 08:53 (six) were missed.
/// </summary>
public sealed class CronMisfireTests
{
    private static readonly DateTime s_start = TickerTestHost.Start.UtcDateTime;
    private static readonly DateTime s_lastRun = s_start.AddMinutes(-67);

    [Fact]
    public async Task RunOnce_runs_the_latest_missed_occurrence_once_and_goes_on()
    {
        var (runs, host, cron) = await StartAfterOutageAsync(CronMisfirePolicy.RunOnce);
        await using var running = host;

        await Eventually.TrueAsync(() => runs.Count == 1, "the catch-up run");
        await WaitForAsync(host, cron.Id, TickerStatus.DueDone, 1);

        Assert.Equal([s_start.AddMinutes(-7)], CronHost.Times(runs));
        Assert.Equal(
            [(s_lastRun, TickerStatus.Done), (s_start.AddMinutes(-7), TickerStatus.DueDone),
                (s_start.AddMinutes(3), TickerStatus.Idle)],
            (await host.OccurrencesAsync(cron.Id)).Select(row => (row.ScheduledTime!.Value, row.Status)));
    }

    [Fact]
    public async Task RunAll_runs_every_missed_occurrence_in_order()
    {
        var (runs, host, cron) = await StartAfterOutageAsync(CronMisfirePolicy.RunAll);
        await using var running = host;

        await Eventually.TrueAsync(() => runs.Count == 6, "six catch-up runs");
        await WaitForAsync(host, cron.Id, TickerStatus.DueDone, 6);

        var missed = Enumerable.Range(0, 6).Select(i => s_start.AddMinutes(-57 + (10 * i)));
        Assert.Equal(missed, CronHost.Times(runs).Order());
    }

    [Fact]
    public async Task Skip_records_every_missed_occurrence_as_skipped_with_the_reason()
    {
        var (runs, host, cron) = await StartAfterOutageAsync(CronMisfirePolicy.Skip);
        await using var running = host;

        await WaitForAsync(host, cron.Id, TickerStatus.Skipped, 6);

        var skipped = (await host.OccurrencesAsync(cron.Id)).Where(row => row.Status == TickerStatus.Skipped).ToList();
        Assert.All(skipped, row => Assert.Contains("misfire policy is Skip", row.ExceptionMessage, StringComparison.Ordinal));
        Assert.Empty(runs);
        await host.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => runs.Count == 1, "the next scheduled run");
        Assert.Equal([s_start.AddMinutes(3)], CronHost.Times(runs));
    }

    [Fact]
    public async Task A_cron_that_never_ran_is_judged_from_its_creation()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        var cron = CronHost.Existing("Sweep", "0 3/10 * * * *", s_start.AddMinutes(-15));
        cron.Misfire = CronMisfirePolicy.RunAll;
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Sweep", runs)),
            seed: store => store.InsertCronsAsync([cron], default));

        await Eventually.TrueAsync(() => runs.Count == 1, "the one run missed since creation");

        Assert.Equal([s_start.AddMinutes(-7)], CronHost.Times(runs));
    }

    private static async Task<(ConcurrentQueue<TickerFunctionContext>, TickerTestHost, CronTickerRecord)>
        StartAfterOutageAsync(CronMisfirePolicy policy)
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        var cron = CronHost.Existing("Sweep", "0 3/10 * * * *", s_start.AddHours(-3));
        cron.Misfire = policy;
        var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Sweep", runs)),
            seed: async store =>
            {
                await store.InsertCronsAsync([cron], default);
                var last = CronTickerMapper.NewOccurrence(cron, s_lastRun, s_lastRun, s_lastRun);
                last.Status = TickerStatus.Done;
                await store.InsertOccurrencesAsync([last], default);
            });

        return (runs, host, cron);
    }

    private static Task WaitForAsync(TickerTestHost host, Guid cronId, TickerStatus status, int count) =>
        Eventually.TrueAsync(
            async () => (await host.OccurrencesAsync(cronId)).Count(row => row.Status == status) == count,
            () => Task.FromResult($"{count} occurrences {status}"));
}
