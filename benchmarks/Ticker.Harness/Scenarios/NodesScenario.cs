using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// Several nodes on one PostgreSQL server: N processes of this harness, each started with <c>--child-node</c>, run one
/// scheduler each against a database this scenario prepares; the first adds the burst (all due now), every node runs
/// its share. Timed on the Stopwatch clock, which on Linux all processes share, from the parent telling the first node
/// to add to the report that the last job started (nodes report their counts every few milliseconds, so the end is
/// late by at most one report interval). Before that the cluster runs an unmeasured warm-up burst, so every node has
/// its code compiled. Figures: <c>jobs_per_s</c>, <c>total_s</c>, <c>repeats</c> (a job run twice
/// on one node, or once on each of two), and the write transactions per job the server counted.
/// </summary>
internal sealed class NodesScenario(HarnessOptions options) : IScenario
{
    public string Key => "nodes";

    public IReadOnlyList<string> ContenderKeys { get; } = ["ticker-postgres", "quartz-postgres"];

    public IReadOnlyList<ScenarioCase> Cases { get; } = options.NodeCounts
        .Select(nodes => new ScenarioCase(string.Create(CultureInfo.InvariantCulture,
            $"{options.NodeJobs:N0} jobs, {nodes} node{(nodes == 1 ? "" : "s")}"), nodes))
        .ToArray();

    public async Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec)
    {
        using var database = PostgreSqlBenchServer.Shared.CreateDatabase("nodes");
        if (spec.Key == "quartz-postgres")
        {
            QuartzPostgreSqlSchema.Create(database.ConnectionString);
        }

        var nodes = new List<NodeProcess>();
        try
        {
            // One at a time, each ready before the next starts: the first creates the store's tables alone.
            for (var index = 0; index < scenarioCase.Size; index++)
            {
                nodes.Add(await NodeProcess.StartAsync(spec, database.ConnectionString, options));
            }

            if (options.WarmupJobs > 0)
            {
                await nodes[0].SendAsync(NodeProcess.WarmUp);
                await WaitRanAsync(nodes, options.WarmupJobs);
            }

            var ranBefore = nodes.Select(node => node.Ran).ToArray();
            database.MarkStart();
            var start = Stopwatch.GetTimestamp();
            await nodes[0].SendAsync(NodeProcess.Add);
            var end = await WaitRanAsync(nodes, options.WarmupJobs + options.NodeJobs);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var metrics = Figures(nodes, ranBefore, Stopwatch.GetElapsedTime(start, end));
            database.AddCounters(metrics);
            metrics["db_write_transactions_per_job"] = metrics["db_write_transactions"] / options.NodeJobs;

            return metrics;
        }
        finally
        {
            await Task.WhenAll(nodes.Select(node => node.StopAsync(options.RunTimeout)));
            nodes.ForEach(node => node.Dispose());
        }
    }

    /// <summary>The Stopwatch timestamp of the report that brought the nodes' count of distinct jobs to
    /// <paramref name="jobs"/>.</summary>
    private async Task<long> WaitRanAsync(IReadOnlyList<NodeProcess> nodes, int jobs)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.RunTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (nodes.Sum(node => node.Ran) >= jobs)
            {
                return nodes.Max(node => node.ReportedAt);
            }

            await Task.Delay(1);
        }

        throw new HarnessRunException(string.Create(CultureInfo.InvariantCulture,
            $"only {nodes.Sum(node => node.Ran):N0} of {jobs:N0} jobs ran within {options.RunTimeout}"));
    }

    private Dictionary<string, double> Figures(IReadOnlyList<NodeProcess> nodes, int[] ranBefore, TimeSpan total)
    {
        var busiest = nodes.Select((node, index) => node.Ran - ranBefore[index]).Max();

        return new Dictionary<string, double>
        {
            ["jobs_per_s"] = options.NodeJobs / total.TotalSeconds,
            ["total_s"] = total.TotalSeconds,
            ["nodes"] = nodes.Count,
            ["repeats"] = nodes.Sum(node => node.Repeats + node.Ran) - options.NodeJobs - options.WarmupJobs,
            ["busiest_node_share"] = (double)busiest / options.NodeJobs,
        };
    }
}
