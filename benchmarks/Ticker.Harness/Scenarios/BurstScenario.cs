using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// N one-off jobs due now. Measured from the first add call to the start of the last job, so adding is included; jobs
/// start running while later ones are still being added. Figures: <c>jobs_per_s</c>, <c>total_s</c>, <c>add_s</c>
/// (time spent in add calls) and <c>repeats</c> (jobs that ran twice, which must be zero); for Ticker also store
/// calls and writes (transactions) per job and the calls and time per store operation; for every contender on
/// PostgreSQL the write transactions per job the server counted.
/// </summary>
internal sealed class BurstScenario(HarnessOptions options) : IScenario
{
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(500);

    public string Key => "burst";

    public IReadOnlyList<string> ContenderKeys { get; } =
        ["ticker-memory", "ticker-sqlite", "quartz", "hangfire", "ticker-postgres", "hangfire-postgres",
            "quartz-postgres"];

    public IReadOnlyList<ScenarioCase> Cases { get; } = options.BurstSizes
        .Select(size => new ScenarioCase(size.ToString("N0", CultureInfo.InvariantCulture) + " jobs", size))
        .ToArray();

    public Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec) =>
        RunAsync(spec, scenarioCase.Size, options);

    /// <summary>One burst; also used unmeasured to warm each contender up.</summary>
    public static Task<Dictionary<string, double>> RunAsync(ContenderSpec spec, int jobs, HarnessOptions options)
    {
        var probe = new RunProbe(jobs);
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: false,
            options.TickerClaimAhead);

        return ContenderRun.UseAsync(spec, probe, settings, async contender =>
        {
            await contender.StartAsync(CancellationToken.None);
            await Task.Delay(s_settle);

            var start = Stopwatch.GetTimestamp();
            await contender.AddDueNowAsync(0, jobs, CancellationToken.None);
            var added = Stopwatch.GetElapsedTime(start);
            if (!await probe.WaitAllAsync(options.RunTimeout))
            {
                throw new HarnessRunException(
                    $"only {probe.Ran:N0} of {jobs:N0} jobs ran within {options.RunTimeout.TotalSeconds} s");
            }

            var total = Stopwatch.GetElapsedTime(start, probe.LastTimestamp);
            var metrics = new Dictionary<string, double>
            {
                ["jobs_per_s"] = jobs / total.TotalSeconds,
                ["total_s"] = total.TotalSeconds,
                ["add_s"] = added.TotalSeconds,
                ["repeats"] = probe.Repeats,
            };
            AddStoreProfile(metrics, contender.StoreProfile(), jobs);

            return metrics;
        });
    }

    /// <summary>Store calls and transactions per job, from the start of the host until the last job started (its
    /// outcome may still be unwritten, so the last completion batch can be missing); on PostgreSQL also the write
    /// transactions the server counted in that time.</summary>
    private static void AddStoreProfile(
        Dictionary<string, double> metrics,
        Dictionary<string, double> profile,
        int jobs)
    {
        foreach (var (name, value) in profile)
        {
            metrics[name] = value;
        }

        if (profile.TryGetValue("store_calls", out var calls) && profile.TryGetValue("store_writes", out var writes))
        {
            metrics["store_calls_per_job"] = calls / jobs;
            metrics["store_writes_per_job"] = writes / jobs;
        }

        if (profile.TryGetValue("db_write_transactions", out var commits))
        {
            metrics["db_write_transactions_per_job"] = commits / jobs;
        }
    }
}
