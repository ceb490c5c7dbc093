using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Ticker;
using Ticker.PostgreSql.Node;

// A worker node for multi-node tests: runs the "Work" tickers of a PostgreSQL schema, each run writing a row to the
// schema's executions table (unless record=false), until its standard input closes. Prints "ready" once started.
if (args.Length < 3)
{
    Console.Error.WriteLine(NodeSettings.Usage);
    return 2;
}

var settings = NodeSettings.Parse(args);

// Each node's connections carry its name, so a test can tell when a killed node's sessions have ended.
var connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { ApplicationName = settings.Name }
    .ConnectionString;
await using var executions = NpgsqlDataSource.Create(connectionString);
var log = new ExecutionLog(executions, settings.Schema, settings.Name);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<TimeProvider>(new SkewedClock(settings.ClockSkew));
builder.Services
    .AddTicker(options =>
    {
        options.NodeId = settings.Name;
        options.MaxConcurrency = settings.Concurrency;
        options.LeaseLength = settings.LeaseLength;
        options.MaxStoreRetryDelay = TimeSpan.FromSeconds(2);
    })
    .UsePostgreSqlStore(connectionString, settings.Schema, store => store.MaxListenRetryDelay = TimeSpan.FromSeconds(2))
    .AddFunction(new TickerFunctionDescriptor("Work", async (context, token) =>
    {
        if (settings.JobDuration > TimeSpan.Zero)
        {
            await Task.Delay(settings.JobDuration, token);
        }

        if (settings.Record)
        {
            await log.RecordAsync(context, token);
        }
    }));

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await host.StopAsync();

return 0;
