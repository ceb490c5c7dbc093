using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

/// <summary>A store outage: the node backs off with growing delays instead of hammering the store, loses nothing, and
/// carries on once the store is back.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task While_claims_fail_the_scheduler_backs_off_and_once_the_store_is_back_the_ticker_runs_once()
    {
        var (host, outage, runs) = await StartAsync();
        await using var disposal = host;
        outage.ClaimsDown = true;

        var ticker = await host.AddAsync(
            new TimeTickerEntity { Function = "Job", ExecutionTime = host.Now.AddSeconds(1) });
        await host.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));

        // Doubling from 100 ms and capped at 8 s, a minute holds about a dozen attempts (13 seen); a loop without
        // back-off would have made one every 100 ms step, 600 in all.
        Assert.InRange(outage.FailedCalls, 4, 20);
        Assert.Empty(runs);
        Assert.Equal(TickerStatus.Idle, (await host.GetAsync(ticker.Id)).Status);

        outage.ClaimsDown = false;
        await host.AdvanceAsync(TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(100));

        // It starts a minute after its due time, so it ends DueDone, not Done; the outage is not an attempt.
        var done = await host.WaitForStatusAsync(ticker.Id, TickerStatus.DueDone);
        Assert.Single(runs);
        Assert.Equal(0, done.RetryCount);
    }

    [Fact]
    public async Task An_outcome_whose_write_fails_is_written_once_the_store_is_back_and_the_job_does_not_run_again()
    {
        var (host, outage, runs) = await StartAsync();
        await using var disposal = host;
        outage.CompletionsDown = true;

        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", ExecutionTime = host.Now });
        await Eventually.TrueAsync(() => !runs.IsEmpty, "the job to run");
        await host.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));

        // Eight retries in 20 s seen; without back-off, 200.
        Assert.InRange(outage.FailedCalls, 2, 16);
        Assert.Equal(TickerStatus.InProgress, (await host.GetAsync(ticker.Id)).Status);

        outage.CompletionsDown = false;
        await host.AdvanceAsync(TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(100));

        var done = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        Assert.Single(runs);
        Assert.Equal(0, done.RetryCount);
    }

    /// <summary>A host whose store can go down, with back-off capped at 8 s and a function that records its runs.
    /// </summary>
    private static async Task<(TickerTestHost Host, OutageStore Outage, ConcurrentQueue<TickerFunctionContext> Runs)>
        StartAsync()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        OutageStore? outage = null;
        var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Job", runs)),
            o => o.MaxStoreRetryDelay = TimeSpan.FromSeconds(8),
            wrapStore: store => outage = new OutageStore(store));

        return (host, outage!, runs);
    }
}
