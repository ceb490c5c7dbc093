using Quartz.Extensibility;
using Quartz.Impl;

namespace Ticker.Harness;

/// <summary>Counts Quartz's trigger acquisitions, the calls its scheduler thread makes to look for due work (on a
/// database store, each is a query).</summary>
internal sealed class CountingJobStore(IJobStore inner) : DelegatingJobStore(inner)
{
    private long _acquisitions;

    public long Acquisitions => Interlocked.Read(ref _acquisitions);

    public override ValueTask<List<IOperableTrigger>> AcquireNextTriggers(
        TriggerAcquisitionRequest request,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _acquisitions);
        return base.AcquireNextTriggers(request, cancellationToken);
    }

    public override ValueTask<TriggerAcquisitionResult> AcquireNextTriggersAndFireDue(
        TriggerAcquisitionRequest request,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _acquisitions);
        return base.AcquireNextTriggersAndFireDue(request, cancellationToken);
    }
}
