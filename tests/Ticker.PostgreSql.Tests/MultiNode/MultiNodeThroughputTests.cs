using System.Diagnostics;
using Ticker.PostgreSql.Tests.Support;
using Xunit.Abstractions;

namespace Ticker.PostgreSql.Tests.MultiNode;

/// <summary>
/// How throughput changes with 1, 2 and 4 node processes on one server: 10,000 jobs that do nothing, added in batches
/// of 1,000 while the nodes run, timed from the first add to the last outcome. Each job must be claimed once (fence 1)
/// and end Done (or DueDone, when it started more than a second after its due time). The figures are printed; on a 2-core machine more nodes mostly compete for the same cores.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed class MultiNodeThroughputTests(PostgreSqlServer server, ITestOutputHelper output)
{
    private const int Jobs = 10_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Nodes_share_ten_thousand_jobs_each_claimed_once(int nodes)
    {
        await using var cluster = await Cluster.CreateAsync(server);
        for (var i = 0; i < nodes; i++)
        {
            await cluster.StartNodeAsync($"node-{i}", "record=false");
        }

        var watch = Stopwatch.StartNew();
        await cluster.AddJobsAsync(Jobs, DateTime.UtcNow);
        await cluster.WaitUntilAllFinishedAsync(TimeSpan.FromMinutes(4));
        var elapsed = watch.Elapsed;
        await cluster.StopNodesAsync();

        Assert.Equal(new Dictionary<long, int> { [1] = Jobs }, await cluster.FencesAsync());
        var statuses = await cluster.StatusesAsync();
        Assert.Equal(Jobs, statuses.GetValueOrDefault((short)TickerStatus.Done)
            + statuses.GetValueOrDefault((short)TickerStatus.DueDone));
        output.WriteLine($"{nodes} node(s): {Jobs} jobs in {elapsed.TotalSeconds:F2} s, {Jobs / elapsed.TotalSeconds:F0} jobs/s");
    }
}
