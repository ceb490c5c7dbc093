namespace Ticker;

/// <summary>A request to lease due tickers.</summary>
/// <param name="Owner">The node taking the lease.</param>
/// <param name="DueBefore">Claim idle tickers due at or before this instant (the node's clock plus its claim-ahead).</param>
/// <param name="MaxCount">The most tickers to claim.</param>
/// <param name="LeaseLength">How long the lease lasts, measured on the store's clock.</param>
public readonly record struct TickerClaim(string Owner, DateTime DueBefore, int MaxCount, TimeSpan LeaseLength);
