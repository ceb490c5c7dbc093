namespace Ticker;

/// <summary>A filter and page for <see cref="ITickerPersistenceProvider{TTimeTicker}.GetTimeTickersAsync"/>. Every
/// filter left <see langword="null"/> matches everything.</summary>
public sealed record TimeTickerQuery
{
    /// <summary>Only tickers in this status.</summary>
    public TickerStatus? Status { get; init; }

    /// <summary>Only tickers of this function.</summary>
    public string? Function { get; init; }

    /// <summary>Only tickers whose execution time is at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Only tickers whose execution time is before this instant (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>How many matching tickers to pass over.</summary>
    public int Skip { get; init; }

    /// <summary>The most tickers to return; 100 when not set.</summary>
    public int Take { get; init; } = 100;
}
