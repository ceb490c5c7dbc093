namespace Ticker.Generators;

/// <summary>What the parser made of one attributed method: a function to emit (absent when its shape is refused),
/// the diagnostics of its shape, and those of its request type.</summary>
/// <param name="RequestDiagnostics">Why the request type has no generated codec (TICK0201, TICK0202); reported by the
/// emitter only when no <c>JsonSerializerContext</c> of the compilation serializes the type either.</param>
internal sealed record FunctionParseResult(
    FunctionSpec? Function,
    EquatableArray<DiagnosticSpec> Diagnostics,
    EquatableArray<DiagnosticSpec> RequestDiagnostics);
