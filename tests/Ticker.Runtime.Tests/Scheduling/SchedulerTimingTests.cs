using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

public sealed class SchedulerTimingTests
{
    [Fact]
    public async Task A_ticker_does_not_start_before_its_due_time_and_starts_once_it_is_reached()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Job", runs)));
        var due = host.Now.AddSeconds(10);
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", ExecutionTime = due });

        await host.AdvanceAsync(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.Empty(runs);

        await host.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var done = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);

        Assert.Single(runs);
        Assert.Equal(due, done.ExecutedAt);
    }

    [Fact]
    public async Task A_ticker_added_while_the_scheduler_sleeps_wakes_it_without_any_time_passing()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Recording("Job", runs)));
        await Task.Delay(100);

        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job" });
        await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);

        Assert.Equal(TickerTestHost.Start, host.Clock.GetUtcNow());
        Assert.Single(runs);
    }

    [Fact]
    public async Task An_idle_scheduler_sends_no_store_queries_while_time_passes()
    {
        var counting = new List<CountingStore>();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Job")),
            wrapStore: store =>
            {
                var wrapper = new CountingStore(store);
                counting.Add(wrapper);
                return wrapper;
            });
        await Task.Delay(200);
        var afterStart = counting.Single().Queries;

        await host.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
        await Task.Delay(200);

        Assert.Equal(afterStart, counting.Single().Queries);
    }

    [Fact]
    public async Task Overdue_tickers_found_at_start_run_at_once_and_end_DueDone()
    {
        var id = Guid.NewGuid();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Job")),
            seed: store => store.InsertAsync(
                [new TickerRecord { Id = id, Function = "Job", ExecutionTime = TickerTestHost.Start.UtcDateTime.AddHours(-1) }],
                default));

        var done = await host.WaitForStatusAsync(id, TickerStatus.DueDone);

        Assert.Equal(TickerTestHost.Start.UtcDateTime, done.ExecutedAt);
    }

    [Fact]
    public async Task A_ticker_started_within_the_due_late_threshold_ends_Done()
    {
        var id = Guid.NewGuid();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Job")),
            o => o.DueLateThreshold = TimeSpan.FromMinutes(2),
            seed: store => store.InsertAsync(
                [new TickerRecord { Id = id, Function = "Job", ExecutionTime = TickerTestHost.Start.UtcDateTime.AddMinutes(-1) }],
                default));

        await host.WaitForStatusAsync(id, TickerStatus.Done);
    }
}
