namespace Ticker;

/// <summary>
/// Runs that are due and wait for a worker: highest priority first, then earliest due. A run whose function is at its
/// own concurrency limit is parked until a run of that function ends, so it never holds a worker while it waits.
/// </summary>
internal sealed class ReadyQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<PendingRun, (int Priority, long DueTicks, long Sequence)> _queue = new();
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<PendingRun>> _parked = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private long _sequence;
    private int _count;

    /// <summary>How many runs wait, parked ones included.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Enqueue(PendingRun run)
    {
        lock (_gate)
        {
            Push(run);
            _count++;
        }

        _available.Release();
    }

    /// <summary>Waits for the next run this node may start now, or returns <see langword="null"/> when stopping.</summary>
    public async Task<PendingRun?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            if (TryTake() is { } run)
            {
                return run;
            }
        }
    }

    /// <summary>A run of <paramref name="function"/> ended; a parked run of it may start.</summary>
    public void Finished(string function)
    {
        lock (_gate)
        {
            _running[function]--;
            if (!_parked.TryGetValue(function, out var parked) || parked.Count == 0)
            {
                return;
            }

            Push(parked.Dequeue());
        }

        _available.Release();
    }

    /// <summary>Removes every waiting run, parked ones included; used at shutdown to release their claims.</summary>
    public List<PendingRun> Drain()
    {
        lock (_gate)
        {
            var runs = new List<PendingRun>(_count);
            while (_queue.TryDequeue(out var run, out _))
            {
                runs.Add(run);
            }

            foreach (var parked in _parked.Values)
            {
                runs.AddRange(parked);
                parked.Clear();
            }

            _count = 0;

            return runs;
        }
    }

    public void Dispose() => _available.Dispose();

    private PendingRun? TryTake()
    {
        lock (_gate)
        {
            if (!_queue.TryDequeue(out var run, out _))
            {
                return null;
            }

            var limit = run.Function?.MaxConcurrency ?? 0;
            var name = run.Record.Function;
            var running = _running.GetValueOrDefault(name);
            if (limit > 0 && running >= limit)
            {
                Park(name, run);

                return null;
            }

            _running[name] = running + 1;
            _count--;

            return run;
        }
    }

    private void Park(string function, PendingRun run)
    {
        if (!_parked.TryGetValue(function, out var parked))
        {
            parked = new Queue<PendingRun>();
            _parked.Add(function, parked);
        }

        parked.Enqueue(run);
    }

    private void Push(PendingRun run)
    {
        var priority = -(int)(run.Function?.Priority ?? TickerPriority.Normal);
        _queue.Enqueue(run, (priority, run.Record.ExecutionTime.Ticks, _sequence++));
    }
}
