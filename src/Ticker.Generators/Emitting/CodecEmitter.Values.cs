namespace Ticker.Generators;

/// <summary>The scalar part of the codec emitter: one writer call or reader expression per primitive, the same
/// formats System.Text.Json's built-in converters use.</summary>
internal sealed partial class CodecEmitter
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>A statement writing <paramref name="value"/> of the given type.</summary>
    private string WriteValue(string typeName, string value)
    {
        var planned = _plan.CodecTypesByName[typeName];
        var type = planned.Spec;

        return type.Kind switch
        {
            CodecTypeKind.Primitive => WritePrimitive(type.Primitive, value),
            CodecTypeKind.Enum => $"writer.WriteNumberValue(({Keyword(type.Primitive)}){value});",
            _ => $"{planned.Identifier}Json.Write(writer, {value});",
        };
    }

    /// <summary>An expression reading a value of the given type from the reader's current token.</summary>
    private string ReadValue(string typeName)
    {
        var planned = _plan.CodecTypesByName[typeName];
        var type = planned.Spec;

        return type.Kind switch
        {
            CodecTypeKind.Primitive => ReadPrimitive(type.Primitive),
            CodecTypeKind.Enum => $"({type.TypeName})reader.Get{type.Primitive}()",
            _ => $"{planned.Identifier}Json.Read(ref reader)",
        };
    }

    private static string WritePrimitive(PrimitiveKind kind, string value) => kind switch
    {
        PrimitiveKind.Boolean => $"writer.WriteBooleanValue({value});",
        PrimitiveKind.Char => $"writer.WriteStringValue({value}.ToString());",
        PrimitiveKind.String or PrimitiveKind.DateTime or PrimitiveKind.DateTimeOffset or PrimitiveKind.Guid =>
            $"writer.WriteStringValue({value});",
        PrimitiveKind.TimeSpan => $"writer.WriteStringValue({value}.ToString(\"c\", {Invariant}));",
        PrimitiveKind.DateOnly => $"writer.WriteStringValue({value}.ToString(\"yyyy-MM-dd\", {Invariant}));",
        PrimitiveKind.TimeOnly => $"writer.WriteStringValue({value}.ToTimeSpan().ToString(\"c\", {Invariant}));",
        PrimitiveKind.Bytes => $"WriteBytes(writer, {value});",
        _ => $"writer.WriteNumberValue({value});",
    };

    private static string ReadPrimitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Char => "ReadChar(ref reader)",
        PrimitiveKind.String => "reader.GetString()!",
        PrimitiveKind.TimeSpan => "ReadTimeSpan(ref reader)",
        PrimitiveKind.DateOnly => "ReadDateOnly(ref reader)",
        PrimitiveKind.TimeOnly => "ReadTimeOnly(ref reader)",
        PrimitiveKind.Bytes => "ReadBytes(ref reader)",
        _ => $"reader.Get{kind}()",
    };

    private static string Keyword(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Byte => "byte",
        PrimitiveKind.SByte => "sbyte",
        PrimitiveKind.Int16 => "short",
        PrimitiveKind.UInt16 => "ushort",
        PrimitiveKind.UInt32 => "uint",
        PrimitiveKind.Int64 => "long",
        PrimitiveKind.UInt64 => "ulong",
        _ => "int",
    };

    private void EmitHelpers()
    {
        EmitHelper("private static void MoveToContent(ref " + Json + ".Utf8JsonReader reader)",
            "if (!reader.Read())", $"throw new {Json}.JsonException(\"The request is empty.\");");
        EmitHelper("private static void EnsureEnd(ref " + Json + ".Utf8JsonReader reader)",
            "if (reader.Read())", $"throw new {Json}.JsonException(\"The request has data after its JSON value.\");");
        _writer.Line("private static T NotNull<T>(T? value) where T : class =>");
        _writer.Line($"    value ?? throw new {Json}.JsonException(\"The request decoded to null.\");");
        _writer.Line();
        EmitExpect();
        EmitScalarReaders();
    }

    private void EmitHelper(string signature, string condition, string statement)
    {
        using (_writer.Open(signature))
        {
            using (_writer.Open(condition))
            {
                _writer.Line(statement);
            }
        }

        _writer.Line();
    }

    private void EmitExpect()
    {
        using (_writer.Open($"private static void Expect(ref {Json}.Utf8JsonReader reader, {Json}.JsonTokenType expected)"))
        {
            using (_writer.Open("if (reader.TokenType != expected)"))
            {
                _writer.Line($"throw new {Json}.JsonException($\"Expected {{expected}} but found {{reader.TokenType}}.\");");
            }
        }

        _writer.Line();
    }

    private void EmitScalarReaders()
    {
        var reader = $"(ref {Json}.Utf8JsonReader reader)";
        _writer.Line($"private static string ReadText{reader} =>");
        _writer.Line($"    reader.GetString() ?? throw new {Json}.JsonException(\"Expected a string but found null.\");");
        _writer.Line();
        _writer.Line($"private static char ReadChar{reader} =>");
        _writer.Line($"    ReadText(ref reader) is {{ Length: 1 }} text ? text[0] : throw new {Json}.JsonException(\"Expected one character.\");");
        _writer.Line();
        _writer.Line($"private static global::System.TimeSpan ReadTimeSpan{reader} =>");
        _writer.Line($"    global::System.TimeSpan.ParseExact(ReadText(ref reader), \"c\", {Invariant});");
        _writer.Line();
        _writer.Line($"private static global::System.DateOnly ReadDateOnly{reader} =>");
        _writer.Line($"    global::System.DateOnly.ParseExact(ReadText(ref reader), \"yyyy-MM-dd\", {Invariant});");
        _writer.Line();
        _writer.Line($"private static global::System.TimeOnly ReadTimeOnly{reader} =>");
        _writer.Line($"    global::System.TimeOnly.FromTimeSpan(ReadTimeSpan(ref reader));");
        _writer.Line();
        _writer.Line($"private static byte[] ReadBytes{reader} =>");
        _writer.Line($"    reader.TokenType == {Json}.JsonTokenType.Null ? null! : reader.GetBytesFromBase64();");
        _writer.Line();
        using (_writer.Open($"private static void WriteBytes({Json}.Utf8JsonWriter writer, byte[]? value)"))
        {
            using (_writer.Open("if (value is null)"))
            {
                _writer.Line("writer.WriteNullValue();");
                _writer.Line("return;");
            }

            _writer.Line();
            _writer.Line("writer.WriteBase64StringValue(value);");
        }
    }
}
