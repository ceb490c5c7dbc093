using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

/// <summary>Runs lost with their nodes count as attempts, and past <see cref="TickerOptions.MaxLostRuns"/> beyond its
/// retries a ticker ends Failed instead of taking down one more node.</summary>
public sealed class LostRunTests
{
    private static readonly DateTime s_start = TickerTestHost.Start.UtcDateTime;

    [Fact]
    public async Task A_ticker_whose_lost_runs_pass_MaxLostRuns_ends_Failed_without_running_and_says_why()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        var poison = Orphaned(retries: 1, retryCount: 4);
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Job", runs)),
            seed: store => store.InsertAsync([poison], default));

        var failed = await host.WaitForStatusAsync(poison.Id, TickerStatus.Failed);

        Assert.Empty(runs);
        Assert.Equal(5, failed.RetryCount);
        Assert.Contains("4 runs of this ticker beyond its 1 retries were lost", failed.ExceptionMessage);
        Assert.Contains("MaxLostRuns (3)", failed.ExceptionMessage);
    }

    [Fact]
    public async Task A_ticker_within_MaxLostRuns_runs_again_after_its_node_was_lost()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        var orphan = Orphaned(retries: 1, retryCount: 3);
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Job", runs)),
            seed: store => store.InsertAsync([orphan], default));

        // It was due five minutes ago, so it ends DueDone.
        var done = await host.WaitForStatusAsync(orphan.Id, TickerStatus.DueDone);

        Assert.Equal(4, Assert.Single(runs).RetryCount);
        Assert.Equal(4, done.RetryCount);
    }

    [Fact]
    public async Task MaxLostRuns_zero_fails_a_ticker_at_its_first_lost_run_beyond_its_retries()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        var orphan = Orphaned(retries: 0, retryCount: 0);
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Job", runs)),
            o => o.MaxLostRuns = 0,
            seed: store => store.InsertAsync([orphan], default));

        var failed = await host.WaitForStatusAsync(orphan.Id, TickerStatus.Failed);

        Assert.Empty(runs);
        Assert.Equal(1, failed.RetryCount);
    }

    /// <summary>A ticker a dead node was running: in progress, its lease run out a minute ago.</summary>
    private static TickerRecord Orphaned(int retries, int retryCount) => new()
    {
        Id = Guid.NewGuid(),
        Function = "Job",
        Status = TickerStatus.InProgress,
        Retries = retries,
        RetryCount = retryCount,
        ExecutionTime = s_start.AddMinutes(-5),
        LockHolder = "dead-node",
        LockedAt = s_start.AddMinutes(-5),
        LeaseExpiry = s_start.AddMinutes(-1),
        Fence = 7,
        CreatedAt = s_start.AddMinutes(-6),
        UpdatedAt = s_start.AddMinutes(-5),
    };
}
