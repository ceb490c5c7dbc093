namespace Ticker;

/// <summary>One entry of the function table: a name and how to run it. The Ticker generator emits one per
/// <c>[TickerFunction]</c> method; tests and hand-wired apps may build their own.</summary>
public sealed class TickerFunctionDescriptor
{
    /// <summary>Describes a function.</summary>
    /// <param name="name">The unique name tickers refer to.</param>
    /// <param name="invoke">Runs the function for one ticker.</param>
    public TickerFunctionDescriptor(string name, TickerFunctionInvoker invoke)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(invoke);

        Name = name;
        Invoke = invoke;
    }

    /// <summary>The unique name tickers refer to.</summary>
    public string Name { get; }

    /// <summary>Runs the function for one ticker.</summary>
    public TickerFunctionInvoker Invoke { get; }

    /// <summary>Which due runs take a free worker first.</summary>
    public TickerPriority Priority { get; init; } = TickerPriority.Normal;

    /// <summary>The most runs at once across every node sharing the store; zero means only each node's own limit
    /// applies.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>The cron schedule declared with the function, if any.</summary>
    public string? CronExpression { get; init; }

    /// <summary>The request type, or <see langword="null"/> when the function takes none.</summary>
    public Type? RequestType { get; init; }
}
