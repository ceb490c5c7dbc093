using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker;
using Ticker.Sample;

// The sample keeps its jobs in an embedded SQLite file; it starts from an empty file on every run.
var databasePath = Path.Combine(Path.GetTempPath(), "ticker-sample.db");
foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
{
    File.Delete(file);
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// Retries are part of the walkthrough; keep Ticker's own retry warnings out of its output.
builder.Logging.AddFilter("Ticker", LogLevel.Error);
builder.Services.AddTicker(builder.Configuration.GetSection("Ticker")).UseSqliteStore(databasePath);
builder.Services.AddSingleton<Mailer>();
builder.Services.AddHostedService<Walkthrough>();

Console.WriteLine($"{Clock.Stamp()} Ticker sample: jobs are stored in {databasePath}");
await builder.Build().RunAsync();
