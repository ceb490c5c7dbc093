namespace Ticker;

/// <summary>Tells the cron planner that a local write changed cron definitions, so it reloads them instead of waiting
/// for its safety reload.</summary>
internal sealed class CronPlannerSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Crons changed; wakes the planner.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Whether a change was signalled since the last call, clearing it.</summary>
    public bool TakeChanged()
    {
        lock (_gate)
        {
            if (!_signal.Task.IsCompleted)
            {
                return false;
            }

            _signal = NewSignal();

            return true;
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
