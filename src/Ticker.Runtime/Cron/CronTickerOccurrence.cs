namespace Ticker;

/// <summary>One run of a cron: created ahead of its time, then claimed, run, retried and completed like a time
/// ticker.</summary>
public sealed class CronTickerOccurrence
{
    /// <summary>The <see cref="ExceptionMessage"/> of an occurrence skipped by <see cref="CronOverlapPolicy.Skip"/>;
    /// every store writes this text.</summary>
    public const string OverlapSkippedReason =
        "Skipped: an earlier occurrence of this cron was still in progress, and its overlap policy is Skip.";

    /// <summary>The occurrence's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The cron it belongs to. The cron may since have been deleted; its finished occurrences remain.</summary>
    public Guid CronTickerId { get; set; }

    /// <summary>The function it runs.</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>When it is due, in UTC: its time on the schedule, or a later retry time.</summary>
    public DateTime ExecutionTime { get; set; }

    /// <summary>Its time on the cron's schedule in UTC; <see langword="null"/> for a run started with
    /// <see cref="ICronTickerManager{TCronTicker}.RunNowAsync"/>.</summary>
    public DateTime? ScheduledTime { get; set; }

    /// <summary>Its state.</summary>
    public TickerStatus Status { get; set; }

    /// <summary>How many attempts failed and were retried.</summary>
    public int RetryCount { get; set; }

    /// <summary>The node holding its lease.</summary>
    public string? LockHolder { get; set; }

    /// <summary>When the lease was taken.</summary>
    public DateTime? LockedAt { get; set; }

    /// <summary>When the last run started.</summary>
    public DateTime? ExecutedAt { get; set; }

    /// <summary>How long the last run took, in milliseconds.</summary>
    public long ElapsedTime { get; set; }

    /// <summary>The last failure, or why the occurrence was skipped.</summary>
    public string? ExceptionMessage { get; set; }

    /// <summary>When the occurrence was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTime UpdatedAt { get; set; }
}
