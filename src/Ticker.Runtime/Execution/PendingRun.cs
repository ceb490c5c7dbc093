namespace Ticker;

/// <summary>A claimed ticker on its way to a worker, with the function it runs (null when this process has none).
/// </summary>
internal sealed record PendingRun(TickerRecord Record, TickerFunctionDescriptor? Function);
