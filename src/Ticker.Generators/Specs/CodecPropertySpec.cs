namespace Ticker.Generators;

/// <summary>One serialized property of an object.</summary>
/// <param name="MemberName">The C# property name.</param>
/// <param name="JsonName">The JSON name: the property name as written, or its <c>[JsonPropertyName]</c>.</param>
/// <param name="TypeName">The property type, a key into the codec's types.</param>
/// <param name="IsWritten">Whether the property has a public getter and so is written.</param>
/// <param name="Assignment">How a decoded value reaches the object.</param>
/// <param name="Condition">When the value is left out of the JSON (<c>[JsonIgnore(Condition = ...)]</c>).</param>
internal sealed record CodecPropertySpec(
    string MemberName,
    string JsonName,
    string TypeName,
    bool IsWritten,
    PropertyAssignment Assignment,
    WriteCondition Condition);
