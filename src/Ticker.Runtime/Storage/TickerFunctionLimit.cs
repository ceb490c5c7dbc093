namespace Ticker;

/// <summary>The most runs of one function that may be in progress at once across every node sharing a store.</summary>
/// <param name="Function">The function's name, as tickers refer to it.</param>
/// <param name="MaxConcurrency">The most rows of <paramref name="Function"/> a claim may leave
/// <see cref="TickerStatus.InProgress"/>, counted over every owner; at least one.</param>
public readonly record struct TickerFunctionLimit(string Function, int MaxConcurrency);
