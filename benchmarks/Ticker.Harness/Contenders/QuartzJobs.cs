using System.Globalization;
using Quartz;

namespace Ticker.Harness;

/// <summary>
/// How both Quartz.NET contenders schedule: each one-off job a non-durable job detail with one fire-once trigger (the
/// Quartz shape of a one-off job), each daily cron a job with one UTC cron trigger, in batches of the add batch. The
/// job index travels in the job data, as an int, or as a string for a store that keeps its job data as strings.
/// </summary>
internal sealed class QuartzJobs(int addBatch, bool indexAsString)
{
    public async Task AddDueNowAsync(IScheduler scheduler, int firstIndex, int count, CancellationToken token)
    {
        var end = firstIndex + count;
        for (var start = firstIndex; start < end; start += addBatch)
        {
            await ScheduleAsync(scheduler, start, Math.Min(end, start + addBatch), _ => null, token);
        }
    }

    public async Task AddAtAsync(IScheduler scheduler, IReadOnlyList<DateTime> dueTimes, CancellationToken token)
    {
        for (var start = 0; start < dueTimes.Count; start += addBatch)
        {
            await ScheduleAsync(scheduler, start, Math.Min(dueTimes.Count, start + addBatch), i => dueTimes[i], token);
        }
    }

    public async Task AddDailyCronsAsync(IScheduler scheduler, IReadOnlyList<DailyCron> crons, CancellationToken token)
    {
        foreach (var chunk in crons.Chunk(addBatch))
        {
            var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(chunk.Length);
            foreach (var cron in chunk)
            {
                var name = "cron-" + cron.Index.ToString(CultureInfo.InvariantCulture);
                var expression = string.Create(CultureInfo.InvariantCulture,
                    $"{cron.At.Second} {cron.At.Minute} {cron.At.Hour} * * ?");
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(name)
                    .WithCronSchedule(expression, schedule => schedule.InTimeZone(TimeZoneInfo.Utc))
                    .Build();
                jobs.Add(NewJobDetail(name, cron.Index), [trigger]);
            }

            await scheduler.ScheduleJobs(jobs, default, token);
        }
    }

    private async Task ScheduleAsync(
        IScheduler scheduler,
        int start,
        int stop,
        Func<int, DateTime?> dueTime,
        CancellationToken token)
    {
        if (stop - start == 1)
        {
            var (job, trigger) = NewJob(start, dueTime(start));
            await scheduler.ScheduleJob(job, trigger, default, token);
            return;
        }

        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(stop - start);
        for (var index = start; index < stop; index++)
        {
            var (job, trigger) = NewJob(index, dueTime(index));
            jobs.Add(job, [trigger]);
        }

        await scheduler.ScheduleJobs(jobs, default, token);
    }

    private (IJobDetail Job, ITrigger Trigger) NewJob(int index, DateTime? dueTime)
    {
        var name = "probe-" + index.ToString(CultureInfo.InvariantCulture);
        var trigger = TriggerBuilder.Create().WithIdentity(name);
        trigger = dueTime is { } due ? trigger.StartAt(new DateTimeOffset(due)) : trigger.StartNow();

        return (NewJobDetail(name, index), trigger.Build());
    }

    private IJobDetail NewJobDetail(string name, int index)
    {
        var job = JobBuilder.Create<QuartzProbeJob>().WithIdentity(name);
        job = indexAsString
            ? job.UsingJobData(QuartzProbeJob.IndexKey, index.ToString(CultureInfo.InvariantCulture))
            : job.UsingJobData(QuartzProbeJob.IndexKey, index);

        return job.Build();
    }
}
