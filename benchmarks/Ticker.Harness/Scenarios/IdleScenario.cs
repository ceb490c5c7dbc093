using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// A started scheduler with nothing to do. After it settles, the process's CPU time (all threads) is measured over the
/// window: <c>cpu_s</c> and <c>cpu_pct</c> of one core. <c>store_queries</c> counts store calls in the window: every
/// <see cref="ITickerStore"/> call for Ticker, trigger acquisitions for Quartz; Hangfire.InMemory is not counted.
/// </summary>
internal sealed class IdleScenario(HarnessOptions options) : IScenario
{
    public string Key => "idle";

    public IReadOnlyList<string> ContenderKeys { get; } =
        ["baseline", "ticker-memory", "ticker-sqlite", "quartz", "hangfire", "hangfire-fastpoll", "ticker-postgres",
            "hangfire-postgres", "quartz-postgres"];

    public IReadOnlyList<ScenarioCase> Cases { get; } =
    [
        new(string.Create(CultureInfo.InvariantCulture, $"{options.IdleDuration.TotalSeconds:0} s idle"),
            (int)options.IdleDuration.TotalSeconds),
    ];

    public Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec)
    {
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: true,
            options.TickerClaimAhead);

        return ContenderRun.UseAsync(spec, new RunProbe(1), settings, async contender =>
        {
            await contender.StartAsync(CancellationToken.None);
            await Task.Delay(options.IdleSettle);

            var cpuBefore = ProcessorTime();
            var queriesBefore = contender.StoreQueries;
            var start = Stopwatch.GetTimestamp();
            await Task.Delay(options.IdleDuration);
            var wall = Stopwatch.GetElapsedTime(start);
            var cpu = ProcessorTime() - cpuBefore;
            var queriesAfter = contender.StoreQueries;

            var metrics = new Dictionary<string, double>
            {
                ["cpu_s"] = cpu.TotalSeconds,
                ["cpu_pct"] = 100 * cpu.TotalSeconds / wall.TotalSeconds,
            };
            if (queriesBefore is { } before && queriesAfter is { } after)
            {
                metrics["store_queries"] = after - before;
            }

            return metrics;
        });
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
