using System.Collections.Generic;
using System.Linq;

namespace Ticker.Generators;

/// <summary>The object part of the codec emitter: properties written in System.Text.Json's order under their JSON
/// names, and read back through the constructor, the object initializer (init and required members) and setters
/// (only for properties the JSON had, so initial values stay).</summary>
internal sealed partial class CodecEmitter
{
    private void EmitObject(PlannedCodecType planned)
    {
        var type = planned.Spec;
        var properties = type.Object!.Properties;
        using (_writer.Open($"private static class {planned.Identifier}Json"))
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var name = GeneratedCode.Literal(properties[i].JsonName);
                _writer.Line($"private static readonly {Json}.JsonEncodedText s_name{i} = {Json}.JsonEncodedText.Encode({name});");
            }

            _writer.Line();
            EmitObjectWrite(type);
            _writer.Line();
            EmitObjectRead(type);
        }
    }

    private void EmitObjectWrite(CodecTypeSpec type)
    {
        using (_writer.Open($"public static void Write({Json}.Utf8JsonWriter writer, {Parameter(type)} value)"))
        {
            if (!type.IsValueType)
            {
                EmitNullCheck();
            }

            _writer.Line("writer.WriteStartObject();");
            var properties = type.Object!.Properties;
            for (var i = 0; i < properties.Count; i++)
            {
                EmitPropertyWrite(properties[i], i);
            }

            _writer.Line("writer.WriteEndObject();");
        }
    }

    private void EmitPropertyWrite(CodecPropertySpec property, int index)
    {
        var value = "value." + property.MemberName;
        var condition = WriteConditionFor(property, value);
        if (condition is null)
        {
            _writer.Line($"writer.WritePropertyName(s_name{index});");
            _writer.Line(WriteValue(property.TypeName, value));
            return;
        }

        using (_writer.Open($"if ({condition})"))
        {
            _writer.Line($"writer.WritePropertyName(s_name{index});");
            _writer.Line(WriteValue(property.TypeName, value));
        }
    }

    private string? WriteConditionFor(CodecPropertySpec property, string value)
    {
        var type = _plan.CodecTypesByName[property.TypeName].Spec;
        var canBeNull = !type.IsValueType || type.Kind == CodecTypeKind.Nullable;

        return property.Condition switch
        {
            WriteCondition.WhenNotNull when canBeNull => $"{value} is not null",
            WriteCondition.WhenNotDefault =>
                $"!global::System.Collections.Generic.EqualityComparer<{type.TypeName}>.Default.Equals({value}, default!)",
            _ => null,
        };
    }

    private void EmitObjectRead(CodecTypeSpec type)
    {
        var properties = type.Object!.Properties;
        var read = properties.Select((p, i) => (Property: p, Index: i))
            .Where(x => x.Property.Assignment != PropertyAssignment.None)
            .ToList();
        using (_writer.Open($"public static {type.TypeName} Read(ref {Json}.Utf8JsonReader reader)"))
        {
            if (!type.IsValueType)
            {
                EmitNullRead();
            }

            _writer.Line($"Expect(ref reader, {Json}.JsonTokenType.StartObject);");
            EmitLocals(read);
            EmitPropertyLoop(read);
            EmitConstruction(type, read);
        }
    }

    private void EmitLocals(List<(CodecPropertySpec Property, int Index)> read)
    {
        foreach (var (property, index) in read)
        {
            _writer.Line($"{property.TypeName} p{index} = default!;");
            if (property.Assignment == PropertyAssignment.Setter)
            {
                _writer.Line($"var has{index} = false;");
            }
        }
    }

    private void EmitPropertyLoop(List<(CodecPropertySpec Property, int Index)> read)
    {
        using (_writer.Open($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)"))
        {
            var keyword = "if";
            foreach (var (property, index) in read)
            {
                using (_writer.Open($"{keyword} (reader.ValueTextEquals({GeneratedCode.Literal(property.JsonName)}u8))"))
                {
                    _writer.Line("reader.Read();");
                    _writer.Line($"p{index} = {ReadValue(property.TypeName)};");
                    if (property.Assignment == PropertyAssignment.Setter)
                    {
                        _writer.Line($"has{index} = true;");
                    }
                }

                keyword = "else if";
            }

            EmitSkip(read.Count > 0);
        }

        _writer.Line();
    }

    private void EmitSkip(bool hasBranches)
    {
        using (_writer.Open(hasBranches ? "else" : string.Empty))
        {
            _writer.Line("reader.Read();");
            _writer.Line("reader.Skip();");
        }
    }

    private void EmitConstruction(CodecTypeSpec type, List<(CodecPropertySpec Property, int Index)> read)
    {
        var byName = read.ToDictionary(x => x.Property.MemberName, x => x.Index);
        var arguments = type.Object!.ConstructorArguments.Select(name => $"p{byName[name]}");
        var initializers = read.Where(x => x.Property.Assignment == PropertyAssignment.Initializer).ToList();
        var creation = $"var result = new {type.TypeName.TrimEnd('?')}({string.Join(", ", arguments)})";
        if (initializers.Count == 0)
        {
            _writer.Line(creation + ";");
        }
        else
        {
            using (_writer.Open(creation, ";"))
            {
                foreach (var (property, index) in initializers)
                {
                    _writer.Line($"{property.MemberName} = p{index},");
                }
            }
        }

        foreach (var (property, index) in read.Where(x => x.Property.Assignment == PropertyAssignment.Setter))
        {
            using (_writer.Open($"if (has{index})"))
            {
                _writer.Line($"result.{property.MemberName} = p{index};");
            }
        }

        _writer.Line();
        _writer.Line("return result;");
    }
}
