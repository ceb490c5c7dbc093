namespace Ticker;

/// <summary>The life-cycle state of a ticker.</summary>
public enum TickerStatus
{
    /// <summary>Waiting for its execution time. Only idle tickers can be updated.</summary>
    Idle = 0,

    /// <summary>Reserved for stores that stage work before it is claimed; the built-in stores go straight to
    /// <see cref="InProgress"/>.</summary>
    Queued = 1,

    /// <summary>Claimed by a node under a lease, waiting for its due time or running.</summary>
    InProgress = 2,

    /// <summary>Ran to completion on time.</summary>
    Done = 3,

    /// <summary>Ran to completion, but started later than the due-late threshold after its execution time.</summary>
    DueDone = 4,

    /// <summary>Failed after its last retry, or could not run at all (unknown function, undecodable request).</summary>
    Failed = 5,

    /// <summary>Cancelled through its cancellation token; not retried.</summary>
    Cancelled = 6,

    /// <summary>Never ran because its parent ended in a state its <see cref="RunCondition"/> does not accept.</summary>
    Skipped = 7,
}
