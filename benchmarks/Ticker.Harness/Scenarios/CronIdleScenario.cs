using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// The planning cost of many crons: N daily crons are added to a started scheduler, which is left to settle, then its
/// CPU time and store queries are measured over the idle window, as in <see cref="IdleScenario"/>. None of the crons
/// comes due in the window except one sentinel (job 0, added last), due in its middle, which shows the scheduler still
/// fires on time with N crons planned.
/// Figures: <c>add_s</c> (adding the N - 1 idle crons), <c>cpu_s</c>, <c>cpu_pct</c>, <c>store_queries</c>,
/// <c>heap_mb</c> (managed heap growth from before the host started to the end of the window), <c>sentinel_late_ms</c> and
/// <c>ran</c> (crons that ran in the window, which must be exactly 1); for Ticker also the calls and time per store
/// operation in the window (<c>window.store.*</c>).
/// </summary>
internal sealed class CronIdleScenario(HarnessOptions options) : IScenario
{
    /// <summary>The idle crons come due no earlier than this after the window starts.</summary>
    private static readonly TimeSpan s_quietLead = TimeSpan.FromHours(1);

    public string Key => "cron";

    public IReadOnlyList<string> ContenderKeys { get; } =
        ["ticker-memory", "ticker-sqlite", "quartz", "ticker-postgres", "quartz-postgres"];

    public IReadOnlyList<ScenarioCase> Cases { get; } =
    [
        new(string.Create(CultureInfo.InvariantCulture,
            $"{options.CronCount:N0} crons, {options.IdleDuration.TotalSeconds:0} s idle"), options.CronCount),
    ];

    public Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec)
    {
        var count = scenarioCase.Size;
        var probe = new RunProbe(count);
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: true,
            options.TickerClaimAhead);

        return ContenderRun.UseAsync(spec, probe, settings, async contender =>
        {
            var crons = contender as ICronContender
                ?? throw new HarnessRunException($"{spec.Name} has no crons in this harness.");
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            await contender.StartAsync(CancellationToken.None);

            var addStart = Stopwatch.GetTimestamp();
            await crons.AddDailyCronsAsync(Plan(count), CancellationToken.None);
            var added = Stopwatch.GetElapsedTime(addStart);
            await Task.Delay(options.IdleSettle);

            var sentinelAt = WholeSecond(DateTime.UtcNow + options.IdleDuration / 2);
            await crons.AddDailyCronsAsync([new DailyCron(0, TimeOnly.FromDateTime(sentinelAt))],
                CancellationToken.None);

            var cpuBefore = ProcessorTime();
            var queriesBefore = contender.StoreQueries;
            var profileBefore = contender.StoreProfile();
            var start = Stopwatch.GetTimestamp();
            await Task.Delay(options.IdleDuration);
            var wall = Stopwatch.GetElapsedTime(start);
            var cpu = ProcessorTime() - cpuBefore;
            var queriesAfter = contender.StoreQueries;
            var profileAfter = contender.StoreProfile();
            var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

            if (probe.Ran != 1 || probe.StartUtcTicks(0) == 0)
            {
                throw new HarnessRunException(
                    $"{probe.Ran} crons ran in the window; only the sentinel (job 0) should have");
            }

            var metrics = new Dictionary<string, double>
            {
                ["add_s"] = added.TotalSeconds,
                ["cpu_s"] = cpu.TotalSeconds,
                ["cpu_pct"] = 100 * cpu.TotalSeconds / wall.TotalSeconds,
                ["heap_mb"] = heap / (1024.0 * 1024.0),
                ["sentinel_late_ms"] =
                    TimeSpan.FromTicks(probe.StartUtcTicks(0) - sentinelAt.Ticks).TotalMilliseconds,
                ["ran"] = probe.Ran,
            };
            if (queriesBefore is { } before && queriesAfter is { } after)
            {
                metrics["store_queries"] = after - before;
            }

            foreach (var (name, value) in profileAfter.Where(pair => pair.Key.StartsWith("store.", StringComparison.Ordinal)))
            {
                var delta = value - profileBefore.GetValueOrDefault(name);
                if (delta > 0)
                {
                    metrics["window." + name] = delta;
                }
            }

            return metrics;
        });
    }

    /// <summary>Jobs 1 .. <paramref name="count"/> - 1, spread evenly over the day starting an hour ahead, so none
    /// is due in the window; job 0 is the sentinel, added after them.</summary>
    private static List<DailyCron> Plan(int count)
    {
        var now = DateTime.UtcNow;
        var quiet = TimeSpan.FromDays(1) - 2 * s_quietLead;
        var plan = new List<DailyCron>(count);
        for (var index = 1; index < count; index++)
        {
            plan.Add(new DailyCron(index, TimeOnly.FromDateTime(now + s_quietLead + quiet * index / count)));
        }

        return plan;
    }

    private static DateTime WholeSecond(DateTime time) =>
        new(time.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
