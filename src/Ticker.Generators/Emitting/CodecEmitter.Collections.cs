namespace Ticker.Generators;

/// <summary>The nullable and collection part of the codec emitter: arrays and lists as JSON arrays, string-keyed
/// dictionaries as JSON objects, <c>Nullable&lt;T&gt;</c> as the value or null.</summary>
internal sealed partial class CodecEmitter
{
    private void EmitNullable(PlannedCodecType planned)
    {
        var type = planned.Spec;
        using (_writer.Open($"private static class {planned.Identifier}Json"))
        {
            using (_writer.Open($"public static void Write({Json}.Utf8JsonWriter writer, {type.TypeName} value)"))
            {
                using (_writer.Open("if (value is null)"))
                {
                    _writer.Line("writer.WriteNullValue();");
                    _writer.Line("return;");
                }

                _writer.Line();
                _writer.Line(WriteValue(type.ElementTypeName!, "value.GetValueOrDefault()"));
            }

            _writer.Line();
            _writer.Line($"public static {type.TypeName} Read(ref {Json}.Utf8JsonReader reader) =>");
            _writer.Line($"    reader.TokenType == {Json}.JsonTokenType.Null ? null : {ReadValue(type.ElementTypeName!)};");
        }
    }

    private void EmitSequence(PlannedCodecType planned)
    {
        var type = planned.Spec;
        using (_writer.Open($"private static class {planned.Identifier}Json"))
        {
            using (_writer.Open($"public static void Write({Json}.Utf8JsonWriter writer, {Parameter(type)} value)"))
            {
                EmitNullCheck();
                _writer.Line("writer.WriteStartArray();");
                using (_writer.Open("foreach (var item in value)"))
                {
                    _writer.Line(WriteValue(type.ElementTypeName!, "item"));
                }

                _writer.Line();
                _writer.Line("writer.WriteEndArray();");
            }

            _writer.Line();
            EmitSequenceRead(type);
        }
    }

    private void EmitSequenceRead(CodecTypeSpec type)
    {
        using (_writer.Open($"public static {type.TypeName} Read(ref {Json}.Utf8JsonReader reader)"))
        {
            EmitNullRead();
            _writer.Line($"Expect(ref reader, {Json}.JsonTokenType.StartArray);");
            _writer.Line($"var items = new global::System.Collections.Generic.List<{type.ElementTypeName}>();");
            using (_writer.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndArray)"))
            {
                _writer.Line($"items.Add({ReadValue(type.ElementTypeName!)});");
            }

            _writer.Line();
            _writer.Line(type.Kind == CodecTypeKind.Array ? "return items.ToArray();" : "return items;");
        }
    }

    private void EmitDictionary(PlannedCodecType planned)
    {
        var type = planned.Spec;
        using (_writer.Open($"private static class {planned.Identifier}Json"))
        {
            using (_writer.Open($"public static void Write({Json}.Utf8JsonWriter writer, {Parameter(type)} value)"))
            {
                EmitNullCheck();
                _writer.Line("writer.WriteStartObject();");
                using (_writer.Open("foreach (var pair in value)"))
                {
                    _writer.Line("writer.WritePropertyName(pair.Key);");
                    _writer.Line(WriteValue(type.ElementTypeName!, "pair.Value"));
                }

                _writer.Line();
                _writer.Line("writer.WriteEndObject();");
            }

            _writer.Line();
            EmitDictionaryRead(type);
        }
    }

    private void EmitDictionaryRead(CodecTypeSpec type)
    {
        var dictionary = $"global::System.Collections.Generic.Dictionary<string, {type.ElementTypeName}>";
        using (_writer.Open($"public static {type.TypeName} Read(ref {Json}.Utf8JsonReader reader)"))
        {
            EmitNullRead();
            _writer.Line($"Expect(ref reader, {Json}.JsonTokenType.StartObject);");
            _writer.Line($"var items = new {dictionary}();");
            using (_writer.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)"))
            {
                _writer.Line("var key = ReadText(ref reader);");
                _writer.Line("reader.Read();");
                _writer.Line($"items[key] = {ReadValue(type.ElementTypeName!)};");
            }

            _writer.Line();
            _writer.Line("return items;");
        }
    }

    private void EmitNullCheck()
    {
        using (_writer.Open("if (value is null)"))
        {
            _writer.Line("writer.WriteNullValue();");
            _writer.Line("return;");
        }

        _writer.Line();
    }

    private void EmitNullRead()
    {
        using (_writer.Open($"if (reader.TokenType == {Json}.JsonTokenType.Null)"))
        {
            _writer.Line("return null!;");
        }

        _writer.Line();
    }
}
