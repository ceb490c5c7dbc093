namespace Ticker.Harness;

/// <summary>Every contender the harness knows, keyed by its command-line name.</summary>
internal static class ContenderCatalog
{
    public const string Quartz = "quartz";

    public static IReadOnlyList<ContenderSpec> All(HarnessOptions options)
    {
        var polling = options.HangfirePolling;
        var specs = new List<ContenderSpec>
        {
            new("baseline", "baseline (empty host)", (_, _) => new BaselineContender(),
                "No scheduler: the harness process's own idle cost."),
            new("ticker-memory", "Ticker (in-memory)",
                (probe, settings) => new TickerContender(TickerStoreKind.InMemory, probe, settings),
                $"MaxConcurrency {options.Concurrency}, in-memory store, AddBatchAsync of {options.AddBatch}."),
        };
        if (TickerSqlite.IsAvailable)
        {
            specs.Add(new("ticker-sqlite", "Ticker (SQLite)",
                (probe, settings) => new TickerContender(TickerStoreKind.Sqlite, probe, settings),
                $"MaxConcurrency {options.Concurrency}, SQLite file in a temp dir (WAL), AddBatchAsync of "
                + $"{options.AddBatch}."));
        }

        specs.Add(new(Quartz, "Quartz.NET 4.7.3 (RAMJobStore)",
            (probe, settings) => new QuartzContender(probe, settings),
            $"Default thread pool of {options.Concurrency}, RAMJobStore, misfire threshold "
            + $"{QuartzContender.MisfireThreshold.TotalMinutes} min, ScheduleJobs of {options.AddBatch}."));
        specs.Add(new("hangfire", "Hangfire 1.8.25 (InMemory)",
            (_, settings) => new HangfireContender(settings, schedulePolling: null),
            $"WorkerCount {options.Concurrency}, Hangfire.InMemory, default SchedulePollingInterval (15 s), "
            + "Enqueue one by one (no batch API in Hangfire.Core)."));
        specs.Add(new("hangfire-fastpoll", $"Hangfire 1.8.25 (InMemory, poll {polling.TotalMilliseconds} ms)",
            (_, settings) => new HangfireContender(settings, polling),
            $"As above with SchedulePollingInterval {polling.TotalMilliseconds} ms: Hangfire's delayed jobs are "
            + "found by polling, so this interval bounds their lateness."));

        return specs;
    }
}
