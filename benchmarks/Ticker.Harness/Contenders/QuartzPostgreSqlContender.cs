using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ticker.Harness;

/// <summary>
/// Quartz.NET with its persistent AdoJobStore on a fresh database of the harness's PostgreSQL server, clustered, in a
/// generic host (AddQuartz + AddQuartzHostedService). The tables are created by <see cref="QuartzPostgreSqlSchema"/>
/// before Quartz starts. Jobs have the shape of the RAMJobStore contender's (a non-durable job detail with one
/// fire-once trigger), except that the job index is kept in the job data as a string, as a store that keeps its job
/// data as properties requires.
/// </summary>
/// <remarks>
/// Store queries are the statements PostgreSQL ran in the contender's database (<c>pg_stat_statements</c>), as for
/// hangfire-postgres, not trigger acquisitions as for the RAMJobStore contender: an idle clustered AdoJobStore also
/// checks in and scans for misfires, queries a decorator around the store's acquisitions would not see.
/// </remarks>
internal sealed class QuartzPostgreSqlContender(RunProbe probe, ContenderSettings settings)
    : IContender, ICronContender
{
    private readonly QuartzJobs _jobs = new(settings.AddBatch, indexAsString: true);
    private IHost? _host;
    private IScheduler? _scheduler;
    private PostgreSqlBenchDatabase? _database;
    private string? _connectionString;

    public long? StoreQueries => _database?.Statements;

    public Dictionary<string, double> StoreProfile()
    {
        var profile = new Dictionary<string, double>();
        _database?.AddCounters(profile);

        return profile;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.SharedDatabase is { } shared)
        {
            _connectionString = shared;
        }
        else
        {
            _database = PostgreSqlBenchServer.Shared.CreateDatabase("quartz");
            QuartzPostgreSqlSchema.Create(_database.ConnectionString);
            _connectionString = _database.ConnectionString;
        }

        var builder = HarnessHost.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(settings.Concurrency);
            quartz.UsePersistentStore(ConfigureStore);
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = false);
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _scheduler = await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        _database?.MarkStart();
    }

    public Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken) =>
        _jobs.AddDueNowAsync(_scheduler!, firstIndex, count, cancellationToken);

    public Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken) =>
        _jobs.AddAtAsync(_scheduler!, dueTimes, cancellationToken);

    public Task AddDailyCronsAsync(IReadOnlyList<DailyCron> crons, CancellationToken cancellationToken) =>
        _jobs.AddDailyCronsAsync(_scheduler!, crons, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _database?.Dispose();
    }

    /// <summary>Job data as strings (Quartz 3's <c>UseProperties</c>), System.Text.Json for what is serialized,
    /// clustering on (which also makes Quartz generate an instance id per node), and the RAMJobStore contender's
    /// misfire threshold.</summary>
    private void ConfigureStore(IPersistentStoreBuilder store)
    {
        store.UsePostgres(_connectionString!);
        store.UseSystemTextJsonSerializer();
        store.UseClustering();
        store.ConfigureStore(options =>
        {
            options.StoreJobDataAsStrings = true;
            options.MisfireThreshold = QuartzContender.MisfireThreshold;
        });
    }
}
