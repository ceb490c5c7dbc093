namespace Ticker;

/// <summary>A request to lease due tickers.</summary>
/// <param name="Owner">The node taking the lease.</param>
/// <param name="DueBefore">Claim idle tickers due at or before this instant (the node's clock plus its claim-ahead).</param>
/// <param name="MaxCount">The most tickers to claim.</param>
/// <param name="LeaseLength">How long the lease lasts, measured on the store's clock.</param>
public readonly record struct TickerClaim(string Owner, DateTime DueBefore, int MaxCount, TimeSpan LeaseLength)
{
    /// <summary>Functions whose runs are limited across the cluster, at most one entry per function;
    /// <see langword="null"/> or empty when none is.</summary>
    /// <remarks>
    /// A claim never leaves more than <see cref="TickerFunctionLimit.MaxConcurrency"/> rows of a listed function
    /// <see cref="TickerStatus.InProgress"/>, counting the rows every owner holds, expired leases included (taking one
    /// over does not change the count). Due idle rows of the function beyond that room are left idle for a later claim:
    /// they are neither skipped nor failed. Cron occurrences count like any other row of their function. Functions not
    /// listed are claimed as before.
    /// </remarks>
    public IReadOnlyList<TickerFunctionLimit>? FunctionLimits { get; init; }

    /// <summary>Whether <see cref="FunctionLimits"/> lists any function.</summary>
    public bool HasFunctionLimits => FunctionLimits is { Count: > 0 };
}
