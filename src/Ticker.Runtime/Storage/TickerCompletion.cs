namespace Ticker;

/// <summary>The outcome of one claimed ticker, written only if <paramref name="Fence"/> still matches the row.</summary>
/// <param name="Id">The ticker's id.</param>
/// <param name="Fence">The fencing token of the claim this outcome belongs to.</param>
/// <param name="Status">
/// A final status, or <see cref="TickerStatus.Idle"/> to put the ticker back: a retry (with a later
/// <paramref name="ExecutionTime"/> and a higher <paramref name="RetryCount"/>) or a release at shutdown (both unchanged).
/// </param>
/// <param name="RetryCount">The ticker's retry count after this outcome.</param>
/// <param name="ExecutionTime">The ticker's due time after this outcome.</param>
/// <param name="ExecutedAt">When the run started, or <see langword="null"/> when it did not run.</param>
/// <param name="ElapsedMilliseconds">How long the run took.</param>
/// <param name="ExceptionMessage">The failure, if any.</param>
public readonly record struct TickerCompletion(
    Guid Id,
    long Fence,
    TickerStatus Status,
    int RetryCount,
    DateTime ExecutionTime,
    DateTime? ExecutedAt,
    long ElapsedMilliseconds,
    string? ExceptionMessage)
{
    /// <summary>Whether this outcome ends the ticker, so that its children are released or skipped.</summary>
    public bool IsFinal => Status is not TickerStatus.Idle;
}
