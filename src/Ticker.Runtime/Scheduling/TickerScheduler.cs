using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// The claim loop of a node: sleep until the store has something due (or a local write says so), claim it, and
/// pass it to the <see cref="DueTimer"/>, which starts each ticker on time. It never polls while idle.
/// </summary>
internal sealed class TickerScheduler(
    ITickerStore store,
    DueTimer dueTimer,
    HeldLeases held,
    SchedulerWakeSignal wakeSignal,
    StoreBackoff backoff,
    TickerOptions options,
    TimeProvider time,
    ILogger<TickerScheduler> logger)
{
    private DateTime? _storeNextWake = DateTime.MinValue;

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TakeNotifications();
            await ClaimIfDueAsync(stopping).ConfigureAwait(false);
            await SleepUntilNextClaimAsync(stopping).ConfigureAwait(false);
        }
    }

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
        var capacity = held.ClaimCapacity();
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
        if (claimed.Count == 0)
        {
            return;
        }

        Log.Claimed(logger, claimed.Count);
        foreach (var record in claimed)
        {
            held.Add(record);
        }

        dueTimer.AddRange(claimed);
    }

    private async Task SleepUntilNextClaimAsync(CancellationToken stopping)
    {
        var wakeAt = NextClaimTime();
        var signal = wakeSignal.Arm(wakeAt);
        if (signal.IsCompleted || wakeAt <= Now())
        {
            return;
        }

        if (wakeAt == DateTime.MaxValue)
        {
            await Task.WhenAny(signal, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);

            return;
        }

        await PreciseDelay.UntilAsync(wakeAt, signal, time, stopping).ConfigureAwait(false);
    }

    /// <summary>When to claim next: <see cref="TickerOptions.ClaimAhead"/> before the store's next wake time, or the
    /// safety poll; never while this node is full (a completion wakes it).</summary>
    private DateTime NextClaimTime()
    {
        var next = DateTime.MaxValue;
        if (_storeNextWake is { } storeWake && held.ClaimCapacity() > 0)
        {
            next = storeWake - options.ClaimAhead;
        }

        if (options.SafetyPollInterval is { } poll && Now() + poll < next)
        {
            next = Now() + poll;
            _storeNextWake = next;
        }

        return next;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
