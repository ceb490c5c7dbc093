namespace Ticker;

/// <summary>Which due runs take a free worker first.</summary>
public enum TickerPriority
{
    /// <summary>Runs after due work of higher priority.</summary>
    Low = 0,

    /// <summary>The default.</summary>
    Normal = 1,

    /// <summary>Takes a free worker before due work of lower priority.</summary>
    High = 2,
}
