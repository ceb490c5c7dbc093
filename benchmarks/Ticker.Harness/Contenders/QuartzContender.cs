using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Globalization;
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

    public async Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken)
    {
        var end = firstIndex + count;
        for (var start = firstIndex; start < end; start += settings.AddBatch)
        {
            var stop = Math.Min(end, start + settings.AddBatch);
            await ScheduleAsync(start, stop, index => null, cancellationToken);
        }
    }

    public async Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken)
    {
        for (var start = 0; start < dueTimes.Count; start += settings.AddBatch)
        {
            var stop = Math.Min(dueTimes.Count, start + settings.AddBatch);
            await ScheduleAsync(start, stop, index => dueTimes[index], cancellationToken);
        }
    }

    /// <summary>Each cron is a durable job detail with one cron trigger in UTC, scheduled in batches.</summary>
    public async Task AddDailyCronsAsync(IReadOnlyList<DailyCron> crons, CancellationToken cancellationToken)
    {
        foreach (var chunk in crons.Chunk(settings.AddBatch))
        {
            var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(chunk.Length);
            foreach (var cron in chunk)
            {
                var name = "cron-" + cron.Index.ToString(CultureInfo.InvariantCulture);
                var job = JobBuilder.Create<QuartzProbeJob>()
                    .WithIdentity(name)
                    .UsingJobData(QuartzProbeJob.IndexKey, cron.Index)
                    .Build();
                var expression = string.Create(CultureInfo.InvariantCulture,
                    $"{cron.At.Second} {cron.At.Minute} {cron.At.Hour} * * ?");
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(name)
                    .WithCronSchedule(expression, schedule => schedule.InTimeZone(TimeZoneInfo.Utc))
                    .Build();
                jobs.Add(job, [trigger]);
            }

            await _scheduler!.ScheduleJobs(jobs, default, cancellationToken);
        }
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
    }

    /// <summary>The idle scenario's store: a RAMJobStore with its default misfire threshold (the setter is internal;
    /// nothing is scheduled while idle, so nothing can misfire) behind a counting decorator.</summary>
    private CountingJobStore CreateCountingStore(IServiceProvider provider)
    {
        _counter = new CountingJobStore(ActivatorUtilities.CreateInstance<RAMJobStore>(provider));
        return _counter;
    }

    private async Task ScheduleAsync(
        int start,
        int stop,
        Func<int, DateTime?> dueTime,
        CancellationToken cancellationToken)
    {
        if (stop - start == 1)
        {
            var (job, trigger) = NewJob(start, dueTime(start));
            await _scheduler!.ScheduleJob(job, trigger, default, cancellationToken);
            return;
        }

        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(stop - start);
        for (var index = start; index < stop; index++)
        {
            var (job, trigger) = NewJob(index, dueTime(index));
            jobs.Add(job, [trigger]);
        }

        await _scheduler!.ScheduleJobs(jobs, default, cancellationToken);
    }

    private static (IJobDetail Job, ITrigger Trigger) NewJob(int index, DateTime? dueTime)
    {
        var name = "probe-" + index.ToString(CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<QuartzProbeJob>()
            .WithIdentity(name)
            .UsingJobData(QuartzProbeJob.IndexKey, index)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name);
        trigger = dueTime is { } due ? trigger.StartAt(new DateTimeOffset(due)) : trigger.StartNow();

        return (job, trigger.Build());
    }
}
