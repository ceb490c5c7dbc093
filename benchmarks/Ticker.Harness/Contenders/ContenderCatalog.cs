namespace Ticker.Harness;

/// <summary>Every contender the harness knows, keyed by its command-line name.</summary>
internal static class ContenderCatalog
{
    public const string Quartz = "quartz";

    /// <summary>The schedulers a PostgreSQL Ticker is compared with in the reports.</summary>
    public static readonly IReadOnlyList<string> PostgreSqlPeers =
        ["hangfire-postgres", "hangfire-postgres-fastpoll", "quartz-postgres"];

    /// <summary>Whether a contender keeps its jobs in the harness's PostgreSQL server.</summary>
    public static bool IsPostgreSql(string key) => key.EndsWith("-postgres", StringComparison.Ordinal)
        || key.Contains("-postgres-", StringComparison.Ordinal);

    public static IReadOnlyList<ContenderSpec> All(HarnessOptions options)
    {
        var concurrency = options.Concurrency;
        var batch = options.AddBatch;
        var polling = options.HangfirePolling.TotalMilliseconds;

        return
        [
            new("baseline", "baseline (empty host)", (_, _) => new BaselineContender(),
                "No scheduler: the harness process's own idle cost."),
            new("ticker-memory", "Ticker (in-memory)",
                (probe, settings) => new TickerContender(TickerStoreKind.InMemory, probe, settings),
                $"MaxConcurrency {concurrency}, in-memory store, AddBatchAsync of {batch}."),
            new("ticker-sqlite", "Ticker (SQLite)",
                (probe, settings) => new TickerContender(TickerStoreKind.Sqlite, probe, settings),
                $"MaxConcurrency {concurrency}, SQLite file (WAL) in a fresh temp dir, AddBatchAsync of {batch}."),
            new("ticker-postgres", "Ticker (PostgreSQL)",
                (probe, settings) => new TickerContender(TickerStoreKind.PostgreSql, probe, settings),
                $"MaxConcurrency {concurrency}, PostgreSQL store on a fresh database of the harness's private "
                + $"PostgreSQL server (fsync off), AddBatchAsync of {batch}."),
            new("hangfire-postgres", "Hangfire 1.8.25 (PostgreSql 1.21.1)",
                (_, settings) => new HangfirePostgreSqlContender(settings, schedulePolling: null),
                $"WorkerCount {concurrency} on Hangfire.PostgreSql 1.21.1 (long polling on), same server, default "
                + "SchedulePollingInterval; jobs enqueued one by one."),
            new("hangfire-postgres-fastpoll", $"Hangfire 1.8.25 (PostgreSql 1.21.1, poll {polling} ms)",
                (_, settings) => new HangfirePostgreSqlContender(settings, options.HangfirePolling),
                $"As above with SchedulePollingInterval {polling} ms, for the lateness scenario."),
            new("quartz-postgres", "Quartz.NET 4.7.3 (AdoJobStore, PostgreSQL)",
                (probe, settings) => new QuartzPostgreSqlContender(probe, settings),
                $"Default thread pool of {concurrency}, AdoJobStore (JobStoreTX) on a fresh database of the same "
                + "server with our own schema, clustered, job data as strings, System.Text.Json serializer, misfire "
                + $"threshold {QuartzContender.MisfireThreshold.TotalMinutes} min, ScheduleJobs of {batch}."),
            new(Quartz, "Quartz.NET 4.7.3 (RAMJobStore)",
                (probe, settings) => new QuartzContender(probe, settings),
                $"Default thread pool of {concurrency}, RAMJobStore, misfire threshold "
                + $"{QuartzContender.MisfireThreshold.TotalMinutes} min, ScheduleJobs of {batch}; other settings "
                + "default."),
            new("hangfire", "Hangfire 1.8.25 (InMemory)",
                (_, settings) => new HangfireContender(settings, schedulePolling: null),
                $"BackgroundJobServer with WorkerCount {concurrency} on Hangfire.InMemory 1.0.0, default "
                + "SchedulePollingInterval (15 s); jobs enqueued one by one (Hangfire.Core has no batch API)."),
            new("hangfire-fastpoll", $"Hangfire 1.8.25 (InMemory, poll {polling} ms)",
                (_, settings) => new HangfireContender(settings, options.HangfirePolling),
                $"As above with SchedulePollingInterval {polling} ms. Hangfire finds delayed jobs by polling, so "
                + "this interval bounds their lateness; it is used for the lateness scenario."),
        ];
    }
}
