namespace Ticker.Generators;

/// <summary>The scalar types the codec writes with one <c>Utf8JsonWriter</c> call.</summary>
internal enum PrimitiveKind
{
    None,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Char,
    String,
    DateTime,
    DateTimeOffset,
    Guid,
    TimeSpan,
    DateOnly,
    TimeOnly,
    Bytes,
}
