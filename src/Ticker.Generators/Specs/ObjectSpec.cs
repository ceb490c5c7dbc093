namespace Ticker.Generators;

/// <summary>How an object is written and rebuilt.</summary>
/// <param name="Properties">The serialized properties, in the order System.Text.Json writes them.</param>
/// <param name="ConstructorArguments">The member names of the properties passed to the constructor, in parameter
/// order; empty for a parameterless constructor.</param>
internal sealed record ObjectSpec(
    EquatableArray<CodecPropertySpec> Properties,
    EquatableArray<string> ConstructorArguments);
