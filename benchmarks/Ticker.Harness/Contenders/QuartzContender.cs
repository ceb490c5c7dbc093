using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl;

namespace Ticker.Harness;

/// <summary>Quartz.NET with its in-memory RAMJobStore in a generic host (AddQuartz + AddQuartzHostedService). Each job
/// is a non-durable job detail with one fire-once trigger, the Quartz shape of a one-off job.</summary>
internal sealed class QuartzContender(RunProbe probe, ContenderSettings settings) : IContender, ICronContender
{
    /// <summary>Longer than any run of the harness: a job that waits for a thread during a burst is not a misfire.
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(5);

    private readonly QuartzJobs _jobs = new(settings.AddBatch, indexAsString: false);
    private IHost? _host;
    private IScheduler? _scheduler;
    private CountingJobStore? _counter;

    public long? StoreQueries => _counter?.Acquisitions;

    public Dictionary<string, double> StoreProfile() => [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = HarnessHost.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(settings.Concurrency);
            if (settings.CountStoreQueries)
            {
                quartz.UseJobStore(CreateCountingStore);
            }
            else
            {
                quartz.UseInMemoryStore(store => store.MisfireThreshold = MisfireThreshold);
            }
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = false);
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _scheduler = await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
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
    }

    /// <summary>The idle scenario's store: a RAMJobStore with its default misfire threshold (the setter is internal;
    /// nothing is scheduled while idle, so nothing can misfire) behind a counting decorator.</summary>
    private CountingJobStore CreateCountingStore(IServiceProvider provider)
    {
        _counter = new CountingJobStore(ActivatorUtilities.CreateInstance<RAMJobStore>(provider));
        return _counter;
    }
}
