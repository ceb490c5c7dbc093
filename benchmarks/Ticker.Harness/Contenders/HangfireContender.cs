using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Harness;

/// <summary>Hangfire with Hangfire.InMemory in a generic host. Jobs due now are enqueued; jobs due later are scheduled
/// and moved to the queue by Hangfire's delayed-job poller every <paramref name="schedulePolling"/>.</summary>
internal sealed class HangfireContender(ContenderSettings settings, TimeSpan? schedulePolling) : IContender
{
    private IHost? _host;
    private InMemoryStorage? _storage;
    private BackgroundJobClient? _client;

    public long? StoreQueries => null;

    public Dictionary<string, double> StoreProfile() => [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = HarnessHost.CreateBuilder();
        _storage = new InMemoryStorage(new InMemoryStorageOptions());
        var options = new BackgroundJobServerOptions { WorkerCount = settings.Concurrency };
        if (schedulePolling is { } polling)
        {
            options.SchedulePollingInterval = polling;
        }

        builder.Services.AddSingleton<IHostedService>(new HangfireServerService(options, _storage));
        _host = builder.Build();
        _client = new BackgroundJobClient(_storage);
        await _host.StartAsync(cancellationToken);
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

        _storage?.Dispose();
    }
}
