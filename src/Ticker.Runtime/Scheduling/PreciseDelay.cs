namespace Ticker;

/// <summary>
/// Waits until an instant, never returning before it. Timers of the operating system fire up to a millisecond or so
/// late, so on the real clock the wait ends a millisecond early and spins the rest; a fake clock in tests only
/// advances through its own timers, so there it never spins.
/// </summary>
internal static class PreciseDelay
{
    private static readonly TimeSpan s_spinWindow = TimeSpan.FromMilliseconds(1.5);

    // Timers take at most about 49.7 days; a longer wait returns after a day and the caller waits again.
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromDays(1);

    /// <summary>Returns when <paramref name="wakeAt"/> is reached, <paramref name="interrupt"/> completes, the token
    /// fires (without throwing), or after a day of a longer wait; callers check the clock and wait again.</summary>
    public static async Task UntilAsync(DateTime wakeAt, Task interrupt, TimeProvider time, CancellationToken stopping)
    {
        var realClock = ReferenceEquals(time, TimeProvider.System);
        var remaining = wakeAt - time.GetUtcNow().UtcDateTime;
        if (remaining > s_longestSleep)
        {
            await SleepAsync(s_longestSleep, interrupt, time, stopping).ConfigureAwait(false);

            return;
        }

        var timerPart = realClock ? remaining - s_spinWindow : remaining;
        if (timerPart > TimeSpan.Zero && !await SleepAsync(timerPart, interrupt, time, stopping).ConfigureAwait(false))
        {
            return;
        }

        if (realClock)
        {
            SpinUntil(wakeAt, interrupt, time, stopping);
        }
    }

    /// <summary>Like <see cref="UntilAsync"/> but without the spin, for waits that may end a timer tick (about a
    /// millisecond) late, such as the claim loop's, which claims well ahead of due times: it keeps a core free for the
    /// waits that must be exact.</summary>
    public static async Task SleepUntilAsync(
        DateTime wakeAt,
        Task interrupt,
        TimeProvider time,
        CancellationToken stopping)
    {
        var remaining = wakeAt - time.GetUtcNow().UtcDateTime;
        if (remaining > TimeSpan.Zero)
        {
            await SleepAsync(remaining > s_longestSleep ? s_longestSleep : remaining, interrupt, time, stopping)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Sleeps; returns false when interrupted or stopping.</summary>
    private static async Task<bool> SleepAsync(
        TimeSpan delay,
        Task interrupt,
        TimeProvider time,
        CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var sleep = Task.Delay(delay, time, cancel.Token);
        var first = await Task.WhenAny(sleep, interrupt).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);

        return first == sleep && sleep.IsCompletedSuccessfully;
    }

    private static void SpinUntil(DateTime wakeAt, Task interrupt, TimeProvider time, CancellationToken stopping)
    {
        var spinner = default(SpinWait);
        while (time.GetUtcNow().UtcDateTime < wakeAt && !interrupt.IsCompleted && !stopping.IsCancellationRequested)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
