namespace Ticker;

/// <summary>
/// A one-off job: run <see cref="Function"/> with <see cref="Request"/> at <see cref="ExecutionTime"/>.
/// </summary>
/// <remarks>
/// The type may be derived from; managers and persistence providers are generic over it. The built-in stores persist
/// the members declared here, so members a derived type adds are not stored.
/// </remarks>
public class TimeTickerEntity
{
    /// <summary>The ticker's id. Left empty, the manager assigns a new one.</summary>
    public Guid Id { get; set; }

    /// <summary>The name of the <c>[TickerFunction]</c> to run.</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>Free text shown with the ticker; not interpreted.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// When to run, in UTC. <see langword="null"/> means now. A <see cref="DateTimeKind.Local"/> value is converted to
    /// UTC; a <see cref="DateTimeKind.Unspecified"/> value is taken to be UTC already.
    /// </summary>
    public DateTime? ExecutionTime { get; set; }

    /// <summary>The encoded request (UTF-8 JSON), made by <see cref="TickerHelper.CreateTickerRequest{T}(T)"/> or a
    /// generated helper.</summary>
#pragma warning disable CA1819 // The seed API assigns a byte array directly.
    public byte[]? Request { get; set; }
#pragma warning restore CA1819

    /// <summary>How many times a failed run is retried. Zero means a failure is final.</summary>
    public int Retries { get; set; }

    /// <summary>
    /// Seconds to wait before each retry: attempt <c>n</c> waits <c>RetryIntervals[min(n, Length - 1)]</c>, so the last
    /// interval repeats. Empty or <see langword="null"/> retries after 30 seconds.
    /// </summary>
#pragma warning disable CA1819 // The seed API assigns an int array directly.
    public int[]? RetryIntervals { get; set; }
#pragma warning restore CA1819

    /// <summary>The ticker's state; set by the scheduler, ignored on add.</summary>
    public TickerStatus Status { get; set; }

    /// <summary>How many failed attempts have been retried so far.</summary>
    public int RetryCount { get; set; }

    /// <summary>The node holding the ticker's lease while it is <see cref="TickerStatus.InProgress"/>.</summary>
    public string? LockHolder { get; set; }

    /// <summary>When the current lease was taken (UTC, store clock).</summary>
    public DateTime? LockedAt { get; set; }

    /// <summary>When the last run started (UTC).</summary>
    public DateTime? ExecutedAt { get; set; }

    /// <summary>How long the last run took, in milliseconds.</summary>
    public long ElapsedTime { get; set; }

    /// <summary>The failure of the last run: exception type, message and stack trace.</summary>
    public string? ExceptionMessage { get; set; }

    /// <summary>When the ticker was added (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticker last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The parent ticker whose completion starts this one, if any.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Which final status of the parent lets this child run; others mark it <see cref="TickerStatus.Skipped"/>.</summary>
    public RunCondition? RunCondition { get; set; }

    /// <summary>Tickers added together with this one that run after it ends, judged by their
    /// <see cref="RunCondition"/>.</summary>
#pragma warning disable CA2227 // Object initializers in user code assign the list.
    public ICollection<TimeTickerEntity> Children { get; set; } = new List<TimeTickerEntity>();
#pragma warning restore CA2227
}
