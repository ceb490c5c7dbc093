namespace Ticker.Generators;

/// <summary>A function's request type and every type its generated codec reads and writes.</summary>
/// <param name="TypeName">The fully qualified request type.</param>
/// <param name="DisplayName">The type's name as a user writes it, for messages and helper names.</param>
/// <param name="IsPublic">Whether code in other assemblies can name the type, so its helpers can be public.</param>
/// <param name="HasGeneratedCodec">False when a member cannot be serialized; the function then uses whatever codec
/// the application registers for the type (a <c>JsonSerializerContext</c>, see TICK0201).</param>
/// <param name="Types">The codec's types, the request type included; empty without a generated codec.</param>
internal sealed record RequestSpec(
    string TypeName,
    string DisplayName,
    bool IsPublic,
    bool HasGeneratedCodec,
    EquatableArray<CodecTypeSpec> Types);
