using Quartz;

namespace Ticker.Harness;

/// <summary>The Quartz job: reports its index, kept in the job's data map, to the probe.</summary>
internal sealed class QuartzProbeJob(RunProbe probe) : IJob
{
    public const string IndexKey = "i";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        probe.Hit((int)context.JobDetail.JobDataMap[IndexKey]!);
        return ValueTask.CompletedTask;
    }
}
