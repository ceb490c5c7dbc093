namespace Ticker.Generators;

/// <summary>One type the generated codec reads and writes.</summary>
/// <param name="TypeName">The fully qualified type, without nullable reference annotations.</param>
/// <param name="IdentifierName">A name made of the type's parts (<c>ListOfOrderLine</c>) for generated members.</param>
/// <param name="Kind">The JSON shape.</param>
/// <param name="Primitive">For primitives the scalar kind; for enums the underlying integer kind.</param>
/// <param name="IsValueType">Whether the type is a value type, so never JSON null.</param>
/// <param name="ElementTypeName">The inner type of a nullable, the element of an array or list, the value of a
/// dictionary.</param>
/// <param name="Object">The properties and constructor of an object.</param>
internal sealed record CodecTypeSpec(
    string TypeName,
    string IdentifierName,
    CodecTypeKind Kind,
    PrimitiveKind Primitive,
    bool IsValueType,
    string? ElementTypeName,
    ObjectSpec? Object);
