namespace Ticker;

/// <summary>What happens when an occurrence of a cron is due while an earlier occurrence of the same cron is still in
/// progress on any node. The store judges this inside its claim, so it holds across the cluster.</summary>
public enum CronOverlapPolicy
{
    /// <summary>Occurrences run side by side. The default.</summary>
    Allow = 0,

    /// <summary>The due occurrence is not run: it is recorded <see cref="TickerStatus.Skipped"/> with the reason.
    /// </summary>
    Skip = 1,

    /// <summary>The due occurrence waits, unclaimed, until the running one has ended, then runs (late).</summary>
    Wait = 2,
}
