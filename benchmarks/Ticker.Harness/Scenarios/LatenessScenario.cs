using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// Jobs at distinct due times spread evenly over a window, all added ahead of the first one. Lateness is a job's start
/// minus its due time. Due times are computed from one <see cref="ClockAnchor"/>; a start is measured on the
/// Stopwatch clock from the same anchor (<c>p50_ms</c> .. <c>max_ms</c>, <c>early_pct</c>) and, as a cross-check,
/// on the wall clock the schedulers compare due times with (<c>p99_wall_ms</c>, <c>early_wall_pct</c>).
/// <c>drift_ms</c> is how far the two clocks moved apart during the run.
/// </summary>
internal sealed class LatenessScenario(HarnessOptions options) : IScenario
{
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(500);

    public string Key => "lateness";

    public IReadOnlyList<string> ContenderKeys { get; } =
        [
            "ticker-memory", "ticker-sqlite", "quartz", "hangfire-fastpoll", "ticker-postgres",
            "hangfire-postgres-fastpoll", "quartz-postgres",
        ];

    public IReadOnlyList<ScenarioCase> Cases { get; } =
    [
        new(string.Create(CultureInfo.InvariantCulture,
            $"{options.LatenessJobs:N0} jobs over {options.LatenessSpread.TotalSeconds:0.#} s"), options.LatenessJobs),
    ];

    public Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec)
    {
        var jobs = scenarioCase.Size;
        var probe = new RunProbe(jobs);
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: false,
            options.TickerClaimAhead);

        return ContenderRun.UseAsync(spec, probe, settings, async contender =>
        {
            await contender.StartAsync(CancellationToken.None);
            await Task.Delay(s_settle);

            var anchor = ClockAnchor.Take();
            var dueTimes = DueTimes(anchor, jobs);
            var addStart = Stopwatch.GetTimestamp();
            await contender.AddAtAsync(dueTimes, CancellationToken.None);
            var addMs = Stopwatch.GetElapsedTime(addStart).TotalMilliseconds;
            var addedAtMs = anchor.MillisecondsTo(Stopwatch.GetTimestamp());
            if (!await probe.WaitAllAsync(options.LatenessLead + options.LatenessSpread + options.RunTimeout))
            {
                throw new HarnessRunException($"only {probe.Ran:N0} of {jobs:N0} jobs ran");
            }

            var end = ClockAnchor.Take();
            Dump(spec, probe, anchor, dueTimes);

            return Summarize(probe, anchor, dueTimes, (addMs, addedAtMs), end);
        });
    }

    /// <summary>Whole milliseconds from the first due time, so no scheduler rounds them.</summary>
    private DateTime[] DueTimes(ClockAnchor anchor, int jobs)
    {
        var first = anchor.Utc + options.LatenessLead;
        first = new DateTime(first.Ticks - (first.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc)
            .AddMilliseconds(1);
        var stepMs = Math.Max(1, (long)options.LatenessSpread.TotalMilliseconds / jobs);

        return Enumerable.Range(0, jobs).Select(i => first.AddMilliseconds(i * stepMs)).ToArray();
    }

    /// <summary>Writes index, due time and lateness of every job, for a look at which jobs were late and when.
    /// </summary>
    private void Dump(ContenderSpec spec, RunProbe probe, ClockAnchor anchor, DateTime[] dueTimes)
    {
        if (options.LatenessDumpDirectory is not { } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{spec.Key}-{DateTime.UtcNow:HHmmss}.csv");
        var lines = dueTimes.Select((due, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i},{(due - anchor.Utc).TotalMilliseconds:0.000},"
            + $"{anchor.MillisecondsTo(probe.StartTimestamp(i)) - (due - anchor.Utc).TotalMilliseconds:0.000}"));
        File.WriteAllLines(path, lines.Prepend("index,due_ms,lateness_ms"));
    }

    private static Dictionary<string, double> Summarize(
        RunProbe probe,
        ClockAnchor anchor,
        DateTime[] dueTimes,
        (double Duration, double EndedAt) add,
        ClockAnchor end)
    {
        var monotonic = new double[dueTimes.Length];
        var wall = new double[dueTimes.Length];
        for (var i = 0; i < dueTimes.Length; i++)
        {
            var dueMs = (dueTimes[i] - anchor.Utc).TotalMilliseconds;
            monotonic[i] = anchor.MillisecondsTo(probe.StartTimestamp(i)) - dueMs;
            wall[i] = (probe.StartUtcTicks(i) - dueTimes[i].Ticks) / (double)TimeSpan.TicksPerMillisecond;
        }

        Array.Sort(monotonic);
        Array.Sort(wall);
        var firstDueMs = (dueTimes[0] - anchor.Utc).TotalMilliseconds;

        return new Dictionary<string, double>
        {
            ["p50_ms"] = Statistics.Percentile(monotonic, 0.50),
            ["p95_ms"] = Statistics.Percentile(monotonic, 0.95),
            ["p99_ms"] = Statistics.Percentile(monotonic, 0.99),
            ["max_ms"] = monotonic[^1],
            ["min_ms"] = monotonic[0],
            ["early_pct"] = 100.0 * monotonic.Count(late => late < 0) / monotonic.Length,
            ["p99_wall_ms"] = Statistics.Percentile(wall, 0.99),
            ["early_wall_pct"] = 100.0 * wall.Count(late => late < 0) / wall.Length,
            ["drift_ms"] = anchor.DriftMillisecondsUntil(end),
            ["add_ms"] = add.Duration,
            ["added_after_first_due"] = add.EndedAt > firstDueMs ? 1 : 0,
            ["repeats"] = probe.Repeats,
        };
    }
}
