namespace Ticker;

/// <summary>
/// Holds claimed tickers in memory and hands each to the executor the moment its due time is reached, never before.
/// It runs apart from the claim loop, so a slow store round trip never delays a ticker that is already claimed.
/// </summary>
internal sealed class DueTimer(TickerFunctionTable functions, TickerExecutor executor, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<TickerRecord, long> _queue = new();
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Tickers claimed and waiting for their due time.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void AddRange(IReadOnlyList<TickerRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var earliestBefore = _queue.TryPeek(out _, out var head) ? head : long.MaxValue;
            foreach (var record in records)
            {
                _queue.Enqueue(record, record.ExecutionTime.Ticks);
            }

            // The loop sleeps until the earliest due time; only an earlier one needs to wake it.
            if (_queue.TryPeek(out _, out var earliest) && earliest < earliestBefore)
            {
                _changed.TrySetResult();
            }
        }
    }

    /// <summary>Fires due tickers until <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var changed = ResetChanged();
            FireDue();
            if (NextDue() is { } next)
            {
                await PreciseDelay.UntilAsync(next, changed, time, stopping).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(changed, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
        }
    }

    /// <summary>Removes every waiting ticker; used at shutdown to release their claims.</summary>
    public List<TickerRecord> Drain()
    {
        lock (_gate)
        {
            var all = new List<TickerRecord>(_queue.Count);
            while (_queue.TryDequeue(out var record, out _))
            {
                all.Add(record);
            }

            return all;
        }
    }

    private Task ResetChanged()
    {
        lock (_gate)
        {
            if (_changed.Task.IsCompleted)
            {
                _changed = NewSignal();
            }

            return _changed.Task;
        }
    }

    private void FireDue()
    {
        var now = time.GetUtcNow().UtcDateTime.Ticks;
        lock (_gate)
        {
            while (_queue.TryPeek(out var record, out var due) && due <= now)
            {
                _queue.Dequeue();
                functions.TryGet(record.Function, out var function);
                executor.Enqueue(new PendingRun(record, function));
            }
        }
    }

    private DateTime? NextDue()
    {
        lock (_gate)
        {
            return _queue.TryPeek(out var record, out _) ? record.ExecutionTime : null;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
