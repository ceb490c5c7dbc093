using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// The claim loop of a node: sleep until the store has something due (or a local write says so), claim it, and
/// pass it to the <see cref="DueTimer"/>, which starts each ticker on time. It never polls while idle.
/// </summary>
/// <remarks>
/// Every claim carries the cluster-wide limits of the functions declared with a <c>MaxConcurrency</c>, so the store
/// leaves due runs of a function at its limit idle. Room freed by another node announces itself nowhere, so while such
/// runs wait the node claims again every <see cref="TickerOptions.ClaimAhead"/> (at least
/// <see cref="MinLimitedPollInterval"/>); a run ending on this node wakes it at once.
/// </remarks>
internal sealed class TickerScheduler(
    ITickerStore store,
    DueTimer dueTimer,
    HeldLeases held,
    SchedulerWakeSignal wakeSignal,
    StoreBackoff backoff,
    TickerOptions options,
    TickerFunctionTable functions,
    TimeProvider time,
    ILogger<TickerScheduler> logger)
{
    private static readonly TimeSpan MinLimitedPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly TickerFunctionLimit[]? _limits = LimitsOf(functions);
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

        var claim = new TickerClaim(options.NodeId, now + options.ClaimAhead, capacity, options.LeaseLength)
        {
            FunctionLimits = _limits,
        };
        var claimed = await backoff.RetryAsync(
            token => store.ClaimDueAsync(claim, token),
            (delay, exception) => Log.StoreFailed(logger, delay, exception),
            stopping).ConfigureAwait(false);
        Hold(claimed);
        _storeNextWake = claimed.Count == capacity
            ? now
            : await NextWakeAfterShortClaimAsync(now, stopping).ConfigureAwait(false);
    }

    /// <summary>The store's next wake time after a claim that came back short of its capacity. When limits apply and
    /// that time says something is due still, it is held back by a limit (the claim just took everything else), so the
    /// next claim waits one poll interval instead of running at once and finding the same.</summary>
    private async Task<DateTime?> NextWakeAfterShortClaimAsync(DateTime now, CancellationToken stopping)
    {
        var next = await backoff.RetryAsync(
            store.GetNextWakeTimeAsync,
            (delay, exception) => Log.StoreFailed(logger, delay, exception),
            stopping).ConfigureAwait(false);
        if (_limits is null || next is not { } wake || wake > now + options.ClaimAhead)
        {
            return next;
        }

        var poll = options.ClaimAhead > MinLimitedPollInterval ? options.ClaimAhead : MinLimitedPollInterval;

        return now + options.ClaimAhead + poll;
    }

    /// <summary>The limits of the functions declared with a <c>MaxConcurrency</c>, or <see langword="null"/> when no
    /// function has one, so that such a claim stays the plain one.</summary>
    private static TickerFunctionLimit[]? LimitsOf(TickerFunctionTable functions)
    {
        var limits = functions.All
            .Where(function => function.MaxConcurrency > 0)
            .Select(function => new TickerFunctionLimit(function.Name, function.MaxConcurrency))
            .OrderBy(limit => limit.Function, StringComparer.Ordinal)
            .ToArray();

        return limits.Length == 0 ? null : limits;
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

        // Claims run ClaimAhead before due times and the due timer fires on the exact instant, so this wait needs no
        // spin; spinning here would take the core the due timer's own spin needs.
        await PreciseDelay.SleepUntilAsync(wakeAt, signal, time, stopping).ConfigureAwait(false);
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
