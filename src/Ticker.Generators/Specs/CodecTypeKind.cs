namespace Ticker.Generators;

/// <summary>The JSON shape of a type the generated codec handles.</summary>
internal enum CodecTypeKind
{
    /// <summary>A JSON value written by one writer call: numbers, strings, dates, GUIDs, base64 bytes.</summary>
    Primitive,

    /// <summary>An enum, written as its underlying number like System.Text.Json does by default.</summary>
    Enum,

    /// <summary>A <c>Nullable&lt;T&gt;</c>: the inner value or JSON null.</summary>
    Nullable,

    /// <summary>A one-dimensional array.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c> or one of the list interfaces it implements; decoded as a list.</summary>
    List,

    /// <summary><c>Dictionary&lt;string, T&gt;</c> or one of its interfaces; decoded as a dictionary.</summary>
    Dictionary,

    /// <summary>A class, record or struct written as a JSON object of its public properties.</summary>
    Object,
}
