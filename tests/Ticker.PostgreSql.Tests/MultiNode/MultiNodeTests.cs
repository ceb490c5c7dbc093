using Ticker.PostgreSql.Tests.Support;
using Xunit.Abstractions;

namespace Ticker.PostgreSql.Tests.MultiNode;

/// <summary>
/// Three node processes share one real database; each run of the "Work" function writes a row to an executions table,
/// so the tests count runs per ticker. The nodes poll only as a safety net: new work reaches them by NOTIFY.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class MultiNodeTests(PostgreSqlServer server, ITestOutputHelper output)
{
    private const int Jobs = 10_000;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Three_nodes_run_ten_thousand_jobs_each_exactly_once()
    {
        await using var cluster = await Cluster.CreateAsync(server);
        for (var i = 0; i < 3; i++)
        {
            await cluster.StartNodeAsync($"node-{i}");
        }

        var ids = await cluster.AddJobsAsync(Jobs, DateTime.UtcNow);
        var elapsed = await cluster.WaitUntilAllFinishedAsync(s_timeout);
        await cluster.StopNodesAsync();

        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(ids.Order(), runs.Keys.Order());
        Assert.All(runs, run => Assert.Equal(1, run.Value));
        var perNode = await cluster.ExecutionsPerNodeAsync();
        Assert.Equal(3, perNode.Count);
        output.WriteLine($"{Jobs} jobs on 3 nodes in {elapsed.TotalSeconds:F1} s ({Jobs / elapsed.TotalSeconds:F0} jobs/s); " +
            $"per node: {string.Join(", ", perNode.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");
    }

    [Fact]
    public async Task A_node_killed_mid_run_loses_no_job_and_its_jobs_run_again_elsewhere_after_their_lease_expires()
    {
        await using var cluster = await Cluster.CreateAsync(server);
        var victim = await cluster.StartNodeAsync("victim", "lease-seconds=3", "job-ms=20", "concurrency=8");
        await cluster.StartNodeAsync("node-1", "lease-seconds=3", "job-ms=20", "concurrency=8");
        await cluster.StartNodeAsync("node-2", "lease-seconds=3", "job-ms=20", "concurrency=8");
        var ids = await cluster.AddJobsAsync(Jobs, DateTime.UtcNow);
        await WaitForExecutionsAsync(cluster, 300);

        await victim.KillAsync();
        await cluster.WaitForSessionsToEndAsync("victim");
        var leasedAtKill = await cluster.LeasedByAsync("victim");
        var elapsed = await cluster.WaitUntilAllFinishedAsync(s_timeout);
        await cluster.StopNodesAsync();

        Assert.NotEmpty(leasedAtKill);
        var statuses = await cluster.StatusesAsync();
        Assert.Equal(ids.Count, statuses.GetValueOrDefault((short)TickerStatus.Done) + statuses.GetValueOrDefault((short)TickerStatus.DueDone));
        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(ids.Order(), runs.Keys.Order());
        var rerun = runs.Where(run => run.Value > 1).Select(run => run.Key).ToHashSet();
        Assert.Subset(leasedAtKill, rerun);
        var retries = await cluster.RetryCountsAsync();
        Assert.All(leasedAtKill, id => Assert.Equal(1, retries[id]));
        Assert.All(retries.Where(r => !leasedAtKill.Contains(r.Key)), r => Assert.Equal(0, r.Value));
        output.WriteLine($"victim held {leasedAtKill.Count} leases at SIGKILL; {rerun.Count} of them had started and ran " +
            $"again; all {ids.Count} jobs finished {elapsed.TotalSeconds:F1} s after the kill");
    }

    [Fact]
    public async Task Nodes_with_clocks_five_minutes_apart_still_run_every_job_exactly_once()
    {
        await using var cluster = await Cluster.CreateAsync(server);
        await cluster.StartNodeAsync("behind", "skew-seconds=-300", "lease-seconds=10", "job-ms=2");
        await cluster.StartNodeAsync("exact", "lease-seconds=10", "job-ms=2");
        await cluster.StartNodeAsync("ahead", "skew-seconds=300", "lease-seconds=10", "job-ms=2");

        var backlog = await cluster.AddJobsAsync(Jobs / 2, DateTime.UtcNow.AddMinutes(-6));
        var dueNow = await cluster.AddJobsAsync(Jobs / 2, DateTime.UtcNow);
        var elapsed = await cluster.WaitUntilAllFinishedAsync(s_timeout);
        await cluster.StopNodesAsync();

        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(backlog.Concat(dueNow).Order(), runs.Keys.Order());
        Assert.All(runs, run => Assert.Equal(1, run.Value));
        Assert.All(await cluster.RetryCountsAsync(), retry => Assert.Equal(0, retry.Value));
        var perNode = await cluster.ExecutionsPerNodeAsync();
        Assert.Equal(3, perNode.Count);
        output.WriteLine($"{Jobs} jobs, node clocks -5/0/+5 min, finished in {elapsed.TotalSeconds:F1} s; per node: " +
            string.Join(", ", perNode.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public async Task Nodes_back_off_while_the_database_restarts_then_reconnect_and_finish_every_job()
    {
        await using var cluster = await Cluster.CreateAsync(server);
        for (var i = 0; i < 3; i++)
        {
            await cluster.StartNodeAsync($"node-{i}", "job-ms=5", "concurrency=8");
        }

        var ids = await cluster.AddJobsAsync(Jobs, DateTime.UtcNow, retries: 20);
        await WaitForExecutionsAsync(cluster, Jobs / 4);

        await server.StopAsync("fast");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(cluster.Nodes, node => Assert.True(node.IsRunning, $"{node.Name} died: {node.Errors}"));
        await server.StartAsync();
        var elapsed = await cluster.WaitUntilAllFinishedAsync(s_timeout);
        await cluster.StopNodesAsync();

        var statuses = await cluster.StatusesAsync();
        Assert.Equal(ids.Count, statuses.GetValueOrDefault((short)TickerStatus.Done) + statuses.GetValueOrDefault((short)TickerStatus.DueDone));
        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(ids.Order(), runs.Keys.Order());
        var retries = await cluster.RetryCountsAsync();
        var twice = runs.Where(run => run.Value > 1).Select(run => run.Key).ToList();
        Assert.All(twice, id => Assert.True(retries[id] > 0, $"{id} ran twice without a failed attempt."));
        output.WriteLine($"database down 3 s mid-run; all {ids.Count} jobs finished {elapsed.TotalSeconds:F1} s after " +
            $"it came back; {retries.Count(r => r.Value > 0)} jobs failed an attempt and were retried, {twice.Count} of " +
            "them ran twice");
    }

    private static async Task WaitForExecutionsAsync(Cluster cluster, int count)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (await cluster.CountAsync("SELECT count(*) FROM ticker.executions") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} runs. Node errors:\n{cluster.NodeErrors()}");
            await Task.Delay(20);
        }
    }
}
