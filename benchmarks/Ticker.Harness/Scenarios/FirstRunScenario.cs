using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>
/// From building the host to the start of the first job, for one job due now. In this process (warm: the code is
/// already compiled by earlier runs): <c>start_ms</c> (build and start the host), <c>add_to_run_ms</c> (from the end
/// of start to the job) and <c>total_ms</c>. In a new process of its own (cold, unless <c>--no-cold</c>):
/// <c>cold_ms</c> from spawning the process to the job, of which <c>cold_runtime_ms</c> is spawn to <c>Main</c>.
/// </summary>
internal sealed class FirstRunScenario(HarnessOptions options) : IScenario
{
    public string Key => "firstrun";

    public IReadOnlyList<string> ContenderKeys { get; } = ["ticker-memory", "ticker-sqlite", "quartz", "hangfire"];

    public IReadOnlyList<ScenarioCase> Cases { get; } = [new("one job due now", 1)];

    public async Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec)
    {
        var metrics = await MeasureInProcessAsync(spec, options);
        metrics.Remove("first_run_timestamp");
        if (options.ColdStart)
        {
            var cold = await ColdStart.MeasureAsync(spec, options);
            metrics["cold_ms"] = cold.TotalMs;
            metrics["cold_runtime_ms"] = cold.RuntimeMs;
        }

        return metrics;
    }

    public static Task<Dictionary<string, double>> MeasureInProcessAsync(ContenderSpec spec, HarnessOptions options)
    {
        var probe = new RunProbe(1);
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: false,
            options.TickerClaimAhead);
        var begin = Stopwatch.GetTimestamp();

        return ContenderRun.UseAsync(spec, probe, settings, async contender =>
        {
            await contender.StartAsync(CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            await contender.AddDueNowAsync(0, 1, CancellationToken.None);
            if (!await probe.WaitAllAsync(options.RunTimeout))
            {
                throw new HarnessRunException("the job did not run");
            }

            var ran = probe.StartTimestamp(0);

            return new Dictionary<string, double>
            {
                ["start_ms"] = Stopwatch.GetElapsedTime(begin, started).TotalMilliseconds,
                ["add_to_run_ms"] = Stopwatch.GetElapsedTime(started, ran).TotalMilliseconds,
                ["total_ms"] = Stopwatch.GetElapsedTime(begin, ran).TotalMilliseconds,
                ["first_run_timestamp"] = ran,
            };
        });
    }
}
