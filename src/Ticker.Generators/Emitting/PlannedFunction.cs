namespace Ticker.Generators;

/// <summary>A function with the names the emitter gave it.</summary>
/// <param name="Spec">The parsed function.</param>
/// <param name="Identifier">A unique C# identifier made from the function name, for its helper class and
/// invoker.</param>
/// <param name="Codec">An expression for the request codec, or null when the function takes no request.</param>
internal sealed record PlannedFunction(FunctionSpec Spec, string Identifier, string? Codec);
