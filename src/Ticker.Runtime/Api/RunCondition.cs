namespace Ticker;

/// <summary>When a child ticker runs, judged by the final status of its parent.</summary>
public enum RunCondition
{
    /// <summary>Runs when the parent ended <see cref="TickerStatus.Done"/> or <see cref="TickerStatus.DueDone"/>.</summary>
    OnSuccess = 0,

    /// <summary>Runs when the parent ended <see cref="TickerStatus.Failed"/>.</summary>
    OnFailure = 1,

    /// <summary>Runs when the parent ended <see cref="TickerStatus.Cancelled"/>.</summary>
    OnCancelled = 2,

    /// <summary>Runs when the parent ended <see cref="TickerStatus.Failed"/> or <see cref="TickerStatus.Cancelled"/>.</summary>
    OnFailureOrCancelled = 3,

    /// <summary>Runs whatever final status the parent reached, <see cref="TickerStatus.Skipped"/> included.</summary>
    OnAnyCompletedStatus = 4,
}
