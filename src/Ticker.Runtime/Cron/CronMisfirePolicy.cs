namespace Ticker;

/// <summary>What a cron does with the occurrences it missed while no node ran (the store was there, every node was
/// down). Judged when a node starts, from the cron's last occurrence or, when it has none, from when it was created or
/// last changed.</summary>
public enum CronMisfirePolicy
{
    /// <summary>Runs one occurrence now, keyed at the latest missed time; it ends <see cref="TickerStatus.DueDone"/>
    /// as it starts late. The default.</summary>
    RunOnce = 0,

    /// <summary>Runs every missed occurrence, oldest first: at most the latest 1,000 of them.</summary>
    RunAll = 1,

    /// <summary>Runs none of them: each missed occurrence (at most the latest 1,000) is recorded
    /// <see cref="TickerStatus.Skipped"/> with the reason, and the cron goes on from its next occurrence.</summary>
    Skip = 2,
}
