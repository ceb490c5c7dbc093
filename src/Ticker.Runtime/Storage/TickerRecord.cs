namespace Ticker;

/// <summary>A ticker as a store keeps it: the entity's fields plus the scheduler's lease and chain state. All times are
/// UTC.</summary>
public sealed class TickerRecord
{
    /// <summary>The ticker's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The function to run.</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>Free text.</summary>
    public string? Description { get; set; }

    /// <summary>When the ticker is due.</summary>
    public DateTime ExecutionTime { get; set; }

    /// <summary>The encoded request; never changed in place once stored.</summary>
#pragma warning disable CA1819 // Stores pass request bytes through without copying them.
    public byte[]? Request { get; set; }

    /// <summary>Retry intervals in seconds.</summary>
    public int[]? RetryIntervals { get; set; }
#pragma warning restore CA1819

    /// <summary>How many failures are retried.</summary>
    public int Retries { get; set; }

    /// <summary>The ticker's state.</summary>
    public TickerStatus Status { get; set; }

    /// <summary>How many attempts failed and were retried (or were lost with their node).</summary>
    public int RetryCount { get; set; }

    /// <summary>The node holding the lease.</summary>
    public string? LockHolder { get; set; }

    /// <summary>When the lease was taken, by the store's clock.</summary>
    public DateTime? LockedAt { get; set; }

    /// <summary>When the lease runs out, by the store's clock; after that any node may claim the ticker again.</summary>
    public DateTime? LeaseExpiry { get; set; }

    /// <summary>Raised by every claim; a completion is written only with the token of the current claim.</summary>
    public long Fence { get; set; }

    /// <summary>When the last run started.</summary>
    public DateTime? ExecutedAt { get; set; }

    /// <summary>How long the last run took, in milliseconds.</summary>
    public long ElapsedMilliseconds { get; set; }

    /// <summary>The last failure.</summary>
    public string? ExceptionMessage { get; set; }

    /// <summary>When the ticker was added.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticker last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The parent ticker, if any.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Which final status of the parent lets this ticker run.</summary>
    public RunCondition? RunCondition { get; set; }

    /// <summary>Whether the ticker waits for its parent to end; such a ticker is never claimed.</summary>
    public bool AwaitingParent { get; set; }

    /// <summary>The W3C trace context of the code that added the ticker, so its run can link back to it.</summary>
    public string? TraceParent { get; set; }

    /// <summary>The cron this ticker is an occurrence of; <see langword="null"/> for a time ticker.</summary>
    public Guid? CronTickerId { get; set; }

    /// <summary>The occurrence's time on its cron's schedule, fixed when the row is created (a retry moves
    /// <see cref="ExecutionTime"/>, not this). Stores keep (<see cref="CronTickerId"/>, <see cref="CronTime"/>) unique;
    /// <see langword="null"/> for a time ticker and for a run started by <c>RunNowAsync</c>.</summary>
    public DateTime? CronTime { get; set; }

    /// <summary>What the claim does with this occurrence while another occurrence of its cron is in progress.</summary>
    public CronOverlapPolicy CronOverlap { get; set; }

    /// <summary>A shallow copy; request bytes are shared, as stores never change them in place.</summary>
    public TickerRecord Clone() => (TickerRecord)MemberwiseClone();
}
