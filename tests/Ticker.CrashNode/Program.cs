using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker;

// A worker node for crash tests: runs the "Work" tickers of a SQLite file, writing "start"/"end" lines with its
// process id to a log, and exits once no ticker in the file is idle or in progress.
// Usage: Ticker.CrashNode <database> <log> <lease-seconds>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Ticker.CrashNode <database> <log> <lease-seconds>");
    return 2;
}

var (database, logPath, leaseSeconds) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var log = new RunLog(logPath);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddTicker(options =>
    {
        options.MaxConcurrency = 4;
        options.LeaseLength = TimeSpan.FromSeconds(leaseSeconds);
        options.SafetyPollInterval = TimeSpan.FromMilliseconds(500);
    })
    .UseSqliteStore(database)
    .AddFunction(new TickerFunctionDescriptor("Work", async (context, token) =>
    {
        log.Write("start", context.Id);
        await Task.Delay(200, token);
        log.Write("end", context.Id);
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
