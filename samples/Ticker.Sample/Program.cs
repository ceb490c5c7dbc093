using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker;
using Ticker.Sample;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// Retries are part of the walkthrough; keep Ticker's own retry warnings out of its output.
builder.Logging.AddFilter("Ticker", LogLevel.Error);
var ticker = builder.Services.AddTicker(builder.Configuration.GetSection("Ticker"));

// The sample keeps its jobs in an embedded SQLite file, or in PostgreSQL when a connection string is given
// (--Ticker:PostgreSql "Host=...", or the environment variable Ticker__PostgreSql). Either way it starts from an
// empty store on every run.
string where;
if (builder.Configuration["Ticker:PostgreSql"] is { Length: > 0 } connectionString)
{
    await SampleStore.DropPostgreSqlSchemaAsync(connectionString);
    ticker.UsePostgreSqlStore(connectionString, SampleStore.PostgreSqlSchema);
    where = $"PostgreSQL, schema {SampleStore.PostgreSqlSchema}";
}
else
{
    var databasePath = Path.Combine(Path.GetTempPath(), "ticker-sample.db");
    SampleStore.DeleteSqliteFiles(databasePath);
    ticker.UseSqliteStore(databasePath);
    where = databasePath;
}

builder.Services.AddSingleton<Mailer>();
builder.Services.AddHostedService<Walkthrough>();

Console.WriteLine($"{Clock.Stamp()} Ticker sample: jobs are stored in {where}");
await builder.Build().RunAsync();
