using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Harness;

/// <summary>Hangfire with Hangfire.PostgreSql 1.21.1 (schema prepared by the storage) in a generic host, on a fresh
/// database of the harness's PostgreSQL server. Jobs due now are enqueued; jobs due later are scheduled and moved to
/// the queue by the delayed-job poller every <paramref name="schedulePolling"/> (Hangfire's default when null). Workers
/// wait for queued jobs with the storage's long polling (LISTEN/NOTIFY) rather than its 15 s queue poll.</summary>
internal sealed class HangfirePostgreSqlContender(ContenderSettings settings, TimeSpan? schedulePolling) : IContender
{
    private IHost? _host;
    private PostgreSqlBenchDatabase? _database;
    private BackgroundJobClient? _client;

    public long? StoreQueries => _database?.Statements;

    public Dictionary<string, double> StoreProfile()
    {
        var profile = new Dictionary<string, double>();
        _database?.AddCounters(profile);

        return profile;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _database = PostgreSqlBenchServer.Shared.CreateDatabase("hangfire");
        var storageOptions = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, EnableLongPolling = true };
        var storage = new PostgreSqlStorage(
            new NpgsqlConnectionFactory(_database.ConnectionString, storageOptions), storageOptions);
        var options = new BackgroundJobServerOptions { WorkerCount = settings.Concurrency };
        if (schedulePolling is { } polling)
        {
            options.SchedulePollingInterval = polling;
        }

        var builder = HarnessHost.CreateBuilder();
        builder.Services.AddSingleton<IHostedService>(new HangfireServerService(options, storage));
        _host = builder.Build();
        _client = new BackgroundJobClient(storage);
        await _host.StartAsync(cancellationToken);
        _database.MarkStart();
    }

    public Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken)
    {
        for (var index = firstIndex; index < firstIndex + count; index++)
        {
            var job = index;
            _client!.Enqueue(() => HangfireProbe.Run(job));
        }

        return Task.CompletedTask;
    }

    public Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken)
    {
        for (var index = 0; index < dueTimes.Count; index++)
        {
            var job = index;
            _client!.Schedule(() => HangfireProbe.Run(job), new DateTimeOffset(dueTimes[index]));
        }

        return Task.CompletedTask;
    }

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
}
