namespace Ticker;

/// <summary>
/// Marks a method as a ticker function. The Ticker generator finds it at compile time and emits its dispatch code,
/// request codec and typed helpers; no reflection is used at run time.
/// </summary>
/// <remarks>
/// The method may be static or an instance method (the instance is built from the run's DI scope), may return
/// <see cref="Task"/>, <see cref="ValueTask"/> or <see langword="void"/>, and takes any of
/// <see cref="TickerFunctionContext"/>, <see cref="TickerFunctionContext{TRequest}"/> and
/// <see cref="CancellationToken"/>, in any order.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TickerFunctionAttribute : Attribute
{
    /// <summary>Declares a function run by one-off tickers.</summary>
    /// <param name="functionName">The unique name tickers refer to.</param>
    public TickerFunctionAttribute(string functionName)
    {
        FunctionName = functionName;
    }

    /// <summary>Declares a function that also runs on a cron schedule.</summary>
    /// <param name="functionName">The unique name tickers refer to.</param>
    /// <param name="cronExpression">A Cronos expression with five or six fields, evaluated in UTC; or
    /// <c>%Section:Key%</c>, the configuration key to read the expression from when the node starts.</param>
    public TickerFunctionAttribute(string functionName, string cronExpression)
    {
        FunctionName = functionName;
        CronExpression = cronExpression;
    }

    /// <summary>The unique name tickers refer to.</summary>
    public string FunctionName { get; }

    /// <summary>The cron schedule, when the function is recurring: an expression, or a <c>%Section:Key%</c>
    /// placeholder read from <c>IConfiguration</c> at start. A configuration value that is missing or that Cronos
    /// refuses is logged as an error and that cron is not seeded; the node and its other crons run on.</summary>
    public string? CronExpression { get; }

    /// <summary>Which due runs take a free worker first.</summary>
    public TickerPriority Priority { get; set; } = TickerPriority.Normal;

    /// <summary>The most runs of this function at once across every node sharing the store; zero means only each
    /// node's own limit applies.</summary>
    public int MaxConcurrency { get; set; }
}
