namespace Ticker;

/// <summary>One page of a query's results.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="TotalCount">How many items match the query across all pages.</param>
public sealed record TickerPage<T>(IReadOnlyList<T> Items, int TotalCount);
