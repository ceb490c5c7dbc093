using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Recognises the scalar types the codec writes with one writer call.</summary>
internal static class ScalarTypes
{
    public static PrimitiveKind Classify(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => PrimitiveKind.Boolean,
        SpecialType.System_Byte => PrimitiveKind.Byte,
        SpecialType.System_SByte => PrimitiveKind.SByte,
        SpecialType.System_Int16 => PrimitiveKind.Int16,
        SpecialType.System_UInt16 => PrimitiveKind.UInt16,
        SpecialType.System_Int32 => PrimitiveKind.Int32,
        SpecialType.System_UInt32 => PrimitiveKind.UInt32,
        SpecialType.System_Int64 => PrimitiveKind.Int64,
        SpecialType.System_UInt64 => PrimitiveKind.UInt64,
        SpecialType.System_Single => PrimitiveKind.Single,
        SpecialType.System_Double => PrimitiveKind.Double,
        SpecialType.System_Decimal => PrimitiveKind.Decimal,
        SpecialType.System_Char => PrimitiveKind.Char,
        SpecialType.System_String => PrimitiveKind.String,
        SpecialType.System_DateTime => PrimitiveKind.DateTime,
        _ => ClassifyByName(type),
    };

    private static PrimitiveKind ClassifyByName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return PrimitiveKind.Bytes;
        }

        return type.FullName() switch
        {
            "global::System.DateTimeOffset" => PrimitiveKind.DateTimeOffset,
            "global::System.Guid" => PrimitiveKind.Guid,
            "global::System.TimeSpan" => PrimitiveKind.TimeSpan,
            "global::System.DateOnly" => PrimitiveKind.DateOnly,
            "global::System.TimeOnly" => PrimitiveKind.TimeOnly,
            _ => PrimitiveKind.None,
        };
    }
}
