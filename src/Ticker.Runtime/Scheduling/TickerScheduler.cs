using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// The main loop of a node: claim due tickers, hold them until their due time, hand them to the executor, sleep until
/// the next due time. It never polls while idle: it sleeps until the store's next wake time or a local write.
/// </summary>
internal sealed class TickerScheduler(
    ITickerStore store,
    TickerFunctionTable functions,
    TickerExecutor executor,
    HeldLeases held,
    SchedulerWakeSignal wakeSignal,
    StoreBackoff backoff,
    TickerOptions options,
    TimeProvider time,
    ILogger<TickerScheduler> logger)
{
    private readonly DueTimerQueue _timers = new();
    private DateTime? _storeNextWake = DateTime.MinValue;

    /// <summary>Tickers claimed and waiting for their due time.</summary>
    public int Holding => _timers.Count;

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TakeNotifications();
            await ClaimIfDueAsync(stopping).ConfigureAwait(false);
            DispatchDue();
            await SleepUntilNextAsync(stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the claims that were still waiting for their due time, for release at shutdown.</summary>
    public List<TickerRecord> DrainUnstarted() => _timers.Drain();

    private void TakeNotifications()
    {
        if (wakeSignal.BeginCycle() is { } notified && (_storeNextWake is null || notified < _storeNextWake))
        {
            _storeNextWake = notified;
        }
    }

    private async Task ClaimIfDueAsync(CancellationToken stopping)
    {
        var now = Now();
        var capacity = Capacity();
        if (_storeNextWake is not { } wake || wake > now + options.ClaimAhead || capacity == 0)
        {
            return;
        }

        var claim = new TickerClaim(options.NodeId, now + options.ClaimAhead, capacity, options.LeaseLength);
        var claimed = await backoff.RetryAsync(
            token => store.ClaimDueAsync(claim, token),
            (delay, exception) => Log.StoreFailed(logger, delay, exception),
            stopping).ConfigureAwait(false);
        Hold(claimed);
        _storeNextWake = claimed.Count == capacity
            ? now
            : await backoff.RetryAsync(
                store.GetNextWakeTimeAsync,
                (delay, exception) => Log.StoreFailed(logger, delay, exception),
                stopping).ConfigureAwait(false);
    }

    private void Hold(IReadOnlyList<TickerRecord> claimed)
    {
        if (claimed.Count > 0)
        {
            Log.Claimed(logger, claimed.Count);
        }

        foreach (var record in claimed)
        {
            held.Add(record);
            _timers.Add(record);
        }
    }

    private void DispatchDue()
    {
        var now = Now();
        while (_timers.TryTakeDue(now, out var record))
        {
            functions.TryGet(record.Function, out var function);
            executor.Enqueue(new PendingRun(record, function));
        }
    }

    /// <summary>How many more tickers this node may lease: enough to keep every worker busy and one batch ahead.</summary>
    private int Capacity()
    {
        var limit = options.MaxConcurrency + options.ClaimBatchSize;

        return Math.Clamp(limit - held.Count, 0, options.ClaimBatchSize);
    }

    private async Task SleepUntilNextAsync(CancellationToken stopping)
    {
        var wakeAt = NextWakeTime();
        var signal = wakeSignal.Arm(wakeAt);
        var now = Now();
        if (signal.IsCompleted || wakeAt <= now)
        {
            return;
        }

        if (wakeAt == DateTime.MaxValue)
        {
            await signal.WaitAsync(stopping).ConfigureAwait(false);

            return;
        }

        await PreciseDelay.UntilAsync(wakeAt, signal, time, stopping).ConfigureAwait(false);
    }

    private DateTime NextWakeTime()
    {
        var next = _timers.NextDue ?? DateTime.MaxValue;
        if (_storeNextWake is { } storeWake && Capacity() > 0)
        {
            var claimAt = storeWake - options.ClaimAhead;
            next = claimAt < next ? claimAt : next;
        }

        if (options.SafetyPollInterval is { } poll)
        {
            var pollAt = Now() + poll;
            if (pollAt < next)
            {
                next = pollAt;
                _storeNextWake = pollAt;
            }
        }

        return next;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
