namespace Ticker.Generators;

/// <summary>What a ticker function's parameter receives.</summary>
internal enum FunctionParameterKind
{
    /// <summary>The run's <c>TickerFunctionContext</c>.</summary>
    Context,

    /// <summary>The run's <c>TickerFunctionContext&lt;TRequest&gt;</c>, with the decoded request.</summary>
    TypedContext,

    /// <summary>The run's cancellation token.</summary>
    CancellationToken,
}
