using Quartz;

namespace Ticker.Harness;

/// <summary>The Quartz job: reports its index, kept in the job's data map (as an int, or as a string where the store
/// keeps job data as strings), to the probe.</summary>
internal sealed class QuartzProbeJob(RunProbe probe) : IJob
{
    public const string IndexKey = "i";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        probe.Hit(context.JobDetail.JobDataMap.GetInt(IndexKey));
        return ValueTask.CompletedTask;
    }
}
