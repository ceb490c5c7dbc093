namespace Ticker.Generators;

/// <summary>Writes <c>TickerRequestJson</c>: a reflection-free <c>ITickerRequestCodec&lt;T&gt;</c> per request type,
/// built from direct <c>Utf8JsonWriter</c>/<c>Utf8JsonReader</c> code that matches System.Text.Json's default
/// output (property names as written unless <c>[JsonPropertyName]</c>, enums as numbers).</summary>
/// <remarks>System.Text.Json's own generator never sees another generator's output, so a generated
/// <c>JsonSerializerContext</c> would stay empty; the codec is therefore written out in full here.</remarks>
internal sealed partial class CodecEmitter
{
    private const string Json = "global::System.Text.Json";
    private readonly GenerationPlan _plan;
    private readonly SourceWriter _writer;

    private CodecEmitter(GenerationPlan plan)
    {
        _plan = plan;
        _writer = GeneratedCode.StartFile(plan.Namespace);
    }

    public static string Emit(GenerationPlan plan)
    {
        var emitter = new CodecEmitter(plan);
        emitter.EmitFile();

        return emitter._writer.ToString();
    }

    private void EmitFile()
    {
        _writer.Line("/// <summary>Reflection-free JSON codecs for the request types of this assembly's ticker functions.</summary>");
        _writer.Line(GeneratedCode.Attribute);
        using (_writer.Open("internal static class TickerRequestJson"))
        {
            foreach (var request in _plan.Requests)
            {
                EmitRootCodec(request);
                _writer.Line();
            }

            foreach (var type in _plan.CodecTypes)
            {
                EmitTypeCodec(type);
            }

            EmitHelpers();
        }
    }

    private void EmitRootCodec(RequestSpec request)
    {
        var identifier = _plan.CodecTypesByName[request.TypeName].Identifier;
        var type = request.TypeName;
        _writer.Line($"/// <summary>The request codec of <c>{request.DisplayName.Replace("<", "&lt;").Replace(">", "&gt;")}</c>.</summary>");
        using (_writer.Open($"internal sealed class {identifier}Codec : global::Ticker.ITickerRequestCodec<{type}>"))
        {
            _writer.Line($"public static readonly {identifier}Codec Instance = new();");
            _writer.Line();
            EmitEncode(request);
            _writer.Line();
            EmitDecode(request);
        }
    }

    private void EmitEncode(RequestSpec request)
    {
        var write = WriteValue(request.TypeName, "item");
        _writer.Line($"public byte[] Encode({request.TypeName} value) =>");
        _writer.Line($"    global::Ticker.TickerJsonEncoding.Encode(value, static (writer, item) => {{ {write} }});");
    }

    private void EmitDecode(RequestSpec request)
    {
        var isValueType = _plan.CodecTypesByName[request.TypeName].Spec.IsValueType;
        using (_writer.Open($"public {request.TypeName} Decode(global::System.ReadOnlySpan<byte> utf8Json)"))
        {
            _writer.Line($"var reader = new {Json}.Utf8JsonReader(utf8Json);");
            using (_writer.Open("try"))
            {
                _writer.Line("MoveToContent(ref reader);");
                _writer.Line($"var value = {ReadValue(request.TypeName)};");
                _writer.Line("EnsureEnd(ref reader);");
                _writer.Line();
                _writer.Line(isValueType ? "return value;" : "return NotNull(value);");
            }

            _writer.Line("catch (global::System.Exception exception) when (exception is global::System.InvalidOperationException");
            _writer.Line("    or global::System.FormatException or global::System.OverflowException or global::System.ArgumentException)");
            using (_writer.Open(string.Empty))
            {
                _writer.Line($"throw new {Json}.JsonException(exception.Message, exception);");
            }
        }
    }

    private void EmitTypeCodec(PlannedCodecType type)
    {
        switch (type.Spec.Kind)
        {
            case CodecTypeKind.Nullable:
                EmitNullable(type);
                break;
            case CodecTypeKind.Array:
            case CodecTypeKind.List:
                EmitSequence(type);
                break;
            case CodecTypeKind.Dictionary:
                EmitDictionary(type);
                break;
            case CodecTypeKind.Object:
                EmitObject(type);
                break;
            default:
                return;
        }

        _writer.Line();
    }

    /// <summary>The parameter type of a <c>Write</c> method: reference types may be null.</summary>
    private static string Parameter(CodecTypeSpec type) => type.IsValueType ? type.TypeName : type.TypeName + "?";
}
