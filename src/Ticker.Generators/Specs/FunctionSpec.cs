namespace Ticker.Generators;

/// <summary>One <c>[TickerFunction]</c> method the generator emits code for.</summary>
/// <remarks>Holds only strings, enums and equatable collections, never symbols or syntax, so the incremental
/// pipeline can compare it with the previous run's model and skip the emitter when nothing changed.</remarks>
internal sealed record FunctionSpec(
    string Name,
    string? CronExpression,
    int Priority,
    int MaxConcurrency,
    string TargetType,
    string MethodName,
    bool IsStatic,
    FunctionReturnKind ReturnKind,
    EquatableArray<FunctionParameterKind> Parameters,
    RequestSpec? Request,
    TargetConstructionSpec? Construction);
