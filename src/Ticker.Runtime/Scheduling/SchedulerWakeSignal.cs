namespace Ticker;

/// <summary>
/// Tells the scheduler that something changed: a local write of a ticker due at some time, or freed capacity. The
/// scheduler sleeps until its next known due time, so without this it would not see new work until then.
/// </summary>
internal sealed class SchedulerWakeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = NewSignal();
    private DateTime? _earliestNotified;
    private DateTime _armedFor = DateTime.MaxValue;

    /// <summary>A ticker due at <paramref name="due"/> was written; wakes the scheduler if it sleeps past that.</summary>
    public void Notify(DateTime due)
    {
        lock (_gate)
        {
            if (_earliestNotified is null || due < _earliestNotified)
            {
                _earliestNotified = due;
            }

            if (due < _armedFor)
            {
                _signal.TrySetResult();
            }
        }
    }

    /// <summary>Wakes the scheduler whatever it sleeps for (capacity was freed, or it is stopping).</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Starts a scheduler cycle: clears a consumed signal and returns the earliest due time written since the
    /// last cycle. Until <see cref="Arm"/>, every notification counts, as the cycle may already have looked.</summary>
    public DateTime? BeginCycle()
    {
        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = NewSignal();
            }

            _armedFor = DateTime.MaxValue;
            var earliest = _earliestNotified;
            _earliestNotified = null;

            return earliest;
        }
    }

    /// <summary>Records what the scheduler is about to sleep until and returns the task a signal completes; it is
    /// already complete when something was signalled since <see cref="BeginCycle"/>.</summary>
    public Task Arm(DateTime wakeAt)
    {
        lock (_gate)
        {
            _armedFor = wakeAt;

            return _signal.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
