namespace Ticker;

/// <summary>Runs one ticker function: decodes the request, builds the target from the run's scope and calls it.
/// Generated code supplies one per function.</summary>
public delegate ValueTask TickerFunctionInvoker(TickerFunctionContext context, CancellationToken cancellationToken);
