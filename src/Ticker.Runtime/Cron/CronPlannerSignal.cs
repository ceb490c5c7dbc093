namespace Ticker;

/// <summary>
/// Tells the cron planner what a local write changed. Added and deleted crons are handed over as they are, so the
/// planner plans or drops just those without reading the store; any other change (an update) asks for a reload of
/// every cron, which is what the planner also does at its slow safety interval.
/// </summary>
internal sealed class CronPlannerSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = NewSignal();
    private List<CronTickerRecord> _added = [];
    private List<Guid> _deleted = [];
    private bool _reload;

    /// <summary>Crons changed in a way only a reload sees (a local update, or any change another node reported);
    /// wakes the planner.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            _reload = true;
            _signal.TrySetResult();
        }
    }

    /// <summary>These crons were inserted; wakes the planner to plan them.</summary>
    public void NotifyAdded(IReadOnlyList<CronTickerRecord> crons)
    {
        lock (_gate)
        {
            _added.AddRange(crons);
            _signal.TrySetResult();
        }
    }

    /// <summary>These crons were deleted with their idle occurrences; wakes the planner to drop their plans.</summary>
    public void NotifyDeleted(IReadOnlyList<Guid> ids)
    {
        lock (_gate)
        {
            _deleted.AddRange(ids);
            _signal.TrySetResult();
        }
    }

    /// <summary>What changed since the last call, clearing it.</summary>
    public CronChanges TakeChanges()
    {
        lock (_gate)
        {
            if (!_signal.Task.IsCompleted)
            {
                return CronChanges.None;
            }

            var changes = new CronChanges(_reload, _added, _deleted);
            _signal = NewSignal();
            _reload = false;
            _added = [];
            _deleted = [];

            return changes;
        }
    }

    /// <summary>Completes when a change is signalled.</summary>
    public Task WhenChanged()
    {
        lock (_gate)
        {
            return _signal.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Local cron changes the planner has not applied yet.</summary>
/// <param name="Reload">Every cron must be read again.</param>
/// <param name="Added">Crons inserted, in the order they were written.</param>
/// <param name="Deleted">Ids of crons deleted.</param>
internal sealed record CronChanges(bool Reload, IReadOnlyList<CronTickerRecord> Added, IReadOnlyList<Guid> Deleted)
{
    public static readonly CronChanges None = new(false, [], []);

    public bool IsEmpty => !Reload && Added.Count == 0 && Deleted.Count == 0;
}
