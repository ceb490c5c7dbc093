using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker;

// A worker node for crash tests: runs the "Work" tickers of a SQLite file, writing "start"/"end" lines with its
// process id to a log, and exits once no ticker in the file is idle or in progress. A "Poison" ticker kills the
// process that runs it, as a job that crashes its host would.
// Usage: Ticker.CrashNode <database> <log> <lease-seconds> [max-lost-runs]
if (args.Length is not (3 or 4))
{
    Console.Error.WriteLine("usage: Ticker.CrashNode <database> <log> <lease-seconds> [max-lost-runs]");
    return 2;
}

var invariant = System.Globalization.CultureInfo.InvariantCulture;
var (database, logPath, leaseSeconds) = (args[0], args[1], int.Parse(args[2], invariant));
var maxLostRuns = args.Length == 4 ? int.Parse(args[3], invariant) : new TickerOptions().MaxLostRuns;
var log = new RunLog(logPath);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddTicker(options =>
    {
        options.MaxConcurrency = 4;
        options.LeaseLength = TimeSpan.FromSeconds(leaseSeconds);
        options.SafetyPollInterval = TimeSpan.FromMilliseconds(500);
        options.MaxLostRuns = maxLostRuns;
    })
    .UseSqliteStore(database)
    .AddFunction(new TickerFunctionDescriptor("Work", async (context, token) =>
    {
        log.Write("start", context.Id);
        await Task.Delay(200, token);
        log.Write("end", context.Id);
    }))
    .AddFunction(new TickerFunctionDescriptor("Poison", (context, _) =>
    {
        log.Write("start", context.Id);
        System.Diagnostics.Process.GetCurrentProcess().Kill();
        return ValueTask.CompletedTask;
    }));

using var host = builder.Build();
await host.StartAsync();
var provider = host.Services.GetRequiredService<ITickerPersistenceProvider<TimeTickerEntity>>();
while (await CountAsync(TickerStatus.Idle) + await CountAsync(TickerStatus.InProgress) > 0)
{
    await Task.Delay(100);
}

await host.StopAsync();
return 0;

async Task<int> CountAsync(TickerStatus status) =>
    (await provider.GetTimeTickersAsync(new TimeTickerQuery { Status = status, Take = 1 })).TotalCount;

/// <summary>Appends one line per event; lines from several threads never interleave.</summary>
internal sealed class RunLog(string path)
{
    private readonly Lock _gate = new();

    public void Write(string what, Guid id)
    {
        lock (_gate)
        {
            File.AppendAllText(path, $"{what} {id} {Environment.ProcessId}\n");
        }
    }
}
