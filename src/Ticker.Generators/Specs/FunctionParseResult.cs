namespace Ticker.Generators;

/// <summary>What the parser made of one attributed method: a function to emit (absent when its shape is refused)
/// and the diagnostics to report.</summary>
internal sealed record FunctionParseResult(FunctionSpec? Function, EquatableArray<DiagnosticSpec> Diagnostics);
