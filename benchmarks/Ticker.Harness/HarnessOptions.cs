using System.Globalization;

namespace Ticker.Harness;

/// <summary>The harness's command line. Every option has a default that gives the full run of docs/benchmarks.md.
/// </summary>
internal sealed class HarnessOptions
{
    public HashSet<string> Scenarios { get; private set; } = AllScenarios();

    public HashSet<string>? Contenders { get; private set; }

    public int Repeat { get; private set; } = 3;

    public IReadOnlyList<int> BurstSizes { get; private set; } = [10_000, 100_000];

    public int LatenessJobs { get; private set; } = 1_000;

    public TimeSpan LatenessSpread { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far ahead of the first due time the lateness jobs are added.</summary>
    public TimeSpan LatenessLead { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>Crons of the cron planning-cost scenario.</summary>
    public int CronCount { get; private set; } = 10_000;

    /// <summary>Node processes of each case of the nodes scenario.</summary>
    public IReadOnlyList<int> NodeCounts { get; private set; } = [1, 2, 4];

    /// <summary>The burst the nodes of the nodes scenario share.</summary>
    public int NodeJobs { get; private set; } = 10_000;

    public TimeSpan IdleDuration { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a started scheduler is left alone before the idle measurement begins.</summary>
    public TimeSpan IdleSettle { get; private set; } = TimeSpan.FromSeconds(3);

    public int Concurrency { get; private set; } = 16;

    /// <summary>Jobs per add call for Ticker (AddBatchAsync) and Quartz (ScheduleJobs); 1 adds one at a time.
    /// Hangfire has no batch API in Hangfire.Core and always adds one at a time.</summary>
    public int AddBatch { get; private set; } = 1_000;

    public TimeSpan HangfirePolling { get; private set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RunTimeout { get; private set; } = TimeSpan.FromMinutes(5);

    /// <summary>Overrides Ticker's ClaimAhead, to study its effect on lateness; null keeps the runtime's default.
    /// </summary>
    public TimeSpan? TickerClaimAhead { get; private set; }

    public int WarmupJobs { get; private set; } = 2_000;

    public bool ColdStart { get; private set; } = true;

    public bool Quick { get; private set; }

    /// <summary>A directory to write each lateness run's per-job figures to, as CSV; null writes none.</summary>
    public string? LatenessDumpDirectory { get; private set; }

    public string OutputPath { get; private set; } = Path.Combine("benchmarks", "results", "harness-results.json");

    /// <summary>Set in a child process that measures one cold start: the contender to start.</summary>
    public string? ChildFirstRun { get; private set; }

    /// <summary>Set in a node process of the nodes scenario: the contender to run.</summary>
    public string? ChildNode { get; private set; }

    /// <summary>In a node process: the connection string of the database the nodes share.</summary>
    public string? NodeDatabase { get; private set; }

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        if (args.Contains("--quick"))
        {
            options.ApplyQuick();
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }

            if (name is "--no-cold")
            {
                options.ColdStart = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Option {name} needs a value.");
            }

            options.Apply(name, args[++i]);
        }

        return options;
    }

    private static HashSet<string> AllScenarios() => ["burst", "lateness", "idle", "cron", "nodes", "firstrun"];

    public static string Usage => """
        Ticker.Harness: Ticker, Quartz.NET and Hangfire side by side in one process.
          --scenario all|burst,lateness,idle,cron,nodes,firstrun   scenarios to run (default all)
          --contenders LIST       ticker-memory,ticker-sqlite,quartz,hangfire,hangfire-fastpoll,baseline,
                                  ticker-postgres,quartz-postgres,hangfire-postgres,hangfire-postgres-fastpoll
          --repeat R              repetitions of each scenario (default 3); medians are reported
          --burst N[,N...]        burst sizes (default 10000,100000)
          --lateness-jobs N       jobs of the lateness scenario (default 1000)
          --lateness-seconds S    spread of their due times (default 10)
          --idle-seconds S        idle measurement window (default 30), also of the cron scenario
          --crons N               crons of the cron planning-cost scenario (default 10000)
          --nodes N[,N...]        node processes of the nodes scenario (default 1,2,4)
          --node-jobs N           jobs the nodes share (default 10000)
          --concurrency N         MaxConcurrency / thread pool / WorkerCount (default 16)
          --add-batch N           jobs per add call for Ticker and Quartz (default 1000; 1 = one by one)
          --hangfire-poll-ms MS   Hangfire SchedulePollingInterval for the lateness scenario (default 100)
          --timeout-seconds S     longest a single run may take (default 300)
          --ticker-claim-ahead-ms MS  diagnostic: Ticker's ClaimAhead (default: the runtime's, 100 ms)
          --warmup-jobs N         unmeasured burst per contender before measuring (default 2000; 0 = none)
          --no-cold               skip the cold-process start-to-first-run measurement
          --dump-lateness DIR     write each lateness run's per-job due time and lateness as CSV
          --out PATH              JSON results (default benchmarks/results/harness-results.json);
                                  the markdown report is written beside it
          --quick                 smoke run under a minute: 1 repetition, small sizes, 3 s idle
        """;

    private void ApplyQuick()
    {
        Quick = true;
        Repeat = 1;
        BurstSizes = [2_000];
        LatenessJobs = 200;
        LatenessSpread = TimeSpan.FromSeconds(2);
        LatenessLead = TimeSpan.FromSeconds(1);
        IdleDuration = TimeSpan.FromSeconds(3);
        CronCount = 1_000;
        NodeCounts = [1, 2];
        NodeJobs = 2_000;
        IdleSettle = TimeSpan.FromSeconds(1);
        WarmupJobs = 500;
        RunTimeout = TimeSpan.FromSeconds(60);
        OutputPath = Path.Combine("benchmarks", "results", "harness-quick.json");
    }

    private void Apply(string name, string value)
    {
        switch (name)
        {
            case "--scenario":
                Scenarios = value == "all" ? AllScenarios() : SplitSet(value);
                break;
            case "--contenders":
                Contenders = SplitSet(value);
                break;
            case "--repeat":
                Repeat = Positive(name, value);
                break;
            case "--burst":
                BurstSizes = value.Split(',').Select(size => Positive(name, size)).ToArray();
                break;
            case "--lateness-jobs":
                LatenessJobs = Positive(name, value);
                break;
            case "--lateness-seconds":
                LatenessSpread = TimeSpan.FromSeconds(Positive(name, value));
                break;
            case "--idle-seconds":
                IdleDuration = TimeSpan.FromSeconds(Positive(name, value));
                break;
            case "--crons":
                CronCount = Positive(name, value);
                break;
            case "--nodes":
                NodeCounts = value.Split(',').Select(count => Positive(name, count)).ToArray();
                break;
            case "--node-jobs":
                NodeJobs = Positive(name, value);
                break;
            case "--child-node":
                ChildNode = value;
                break;
            case "--node-database":
                NodeDatabase = value;
                break;
            case "--concurrency":
                Concurrency = Positive(name, value);
                break;
            case "--add-batch":
                AddBatch = Positive(name, value);
                break;
            case "--hangfire-poll-ms":
                HangfirePolling = TimeSpan.FromMilliseconds(Positive(name, value));
                break;
            case "--ticker-claim-ahead-ms":
                TickerClaimAhead = TimeSpan.FromMilliseconds(Positive(name, value));
                break;
            case "--timeout-seconds":
                RunTimeout = TimeSpan.FromSeconds(Positive(name, value));
                break;
            case "--warmup-jobs":
                WarmupJobs = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--dump-lateness":
                LatenessDumpDirectory = value;
                break;
            case "--out":
                OutputPath = value;
                break;
            case "--child-first-run":
                ChildFirstRun = value;
                break;
            default:
                throw new ArgumentException($"Unknown option {name}.");
        }
    }

    private static HashSet<string> SplitSet(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Option {name} needs a positive whole number, not '{value}'.");
}
