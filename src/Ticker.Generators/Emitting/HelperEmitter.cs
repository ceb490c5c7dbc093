namespace Ticker.Generators;

/// <summary>Writes <c>TickerFunctions</c>: per function a nested class with its name constant, its request encoder
/// and a typed way to create a ticker, so producer code never spells a name or encodes a request by hand.</summary>
internal static class HelperEmitter
{
    public static string Emit(GenerationPlan plan)
    {
        var writer = GeneratedCode.StartFile(plan.Namespace);
        writer.Line("/// <summary>The ticker functions of this assembly: names, request encoders and ticker factories.</summary>");
        writer.Line(GeneratedCode.Attribute);
        using (writer.Open("public static partial class TickerFunctions"))
        {
            for (var i = 0; i < plan.Functions.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                EmitFunction(writer, plan.Functions[i]);
            }
        }

        return writer.ToString();
    }

    private static void EmitFunction(SourceWriter writer, PlannedFunction function)
    {
        var spec = function.Spec;
        var access = spec.Request is { IsPublic: false } ? "internal" : "public";
        writer.Line($"/// <summary>The ticker function <c>{Xml(spec.Name)}</c>, run by " +
            $"<c>{Xml(spec.TargetType.Replace("global::", string.Empty))}.{spec.MethodName}</c>.</summary>");
        using (writer.Open($"{access} static class {function.Identifier}"))
        {
            writer.Line("/// <summary>The function's name, for <c>TimeTickerEntity.Function</c>.</summary>");
            writer.Line($"public const string Name = {GeneratedCode.Literal(spec.Name)};");
            writer.Line();
            if (spec.Request is null)
            {
                EmitCreateWithoutRequest(writer);
                return;
            }

            EmitEncode(writer, spec.Request.TypeName, function.Codec!);
            writer.Line();
            EmitCreate(writer, spec.Request.TypeName);
        }
    }

    private static void EmitEncode(SourceWriter writer, string requestType, string codec)
    {
        writer.Line("/// <summary>Encodes a request for <c>TimeTickerEntity.Request</c>.</summary>");
        writer.Line($"public static byte[] Encode({requestType} request) => {codec}.Encode(request);");
    }

    private static void EmitCreate(SourceWriter writer, string requestType)
    {
        writer.Line("/// <summary>Creates a ticker that runs this function with <paramref name=\"request\"/> at " +
            "<paramref name=\"executionTime\"/> (UTC; null means now).</summary>");
        writer.Line("public static global::Ticker.TimeTickerEntity Create(");
        writer.Line($"    {requestType} request,");
        writer.Line("    global::System.DateTime? executionTime = null) =>");
        writer.Line("    new() { Function = Name, Request = Encode(request), ExecutionTime = executionTime };");
    }

    private static void EmitCreateWithoutRequest(SourceWriter writer)
    {
        writer.Line("/// <summary>Creates a ticker that runs this function at <paramref name=\"executionTime\"/> " +
            "(UTC; null means now).</summary>");
        writer.Line("public static global::Ticker.TimeTickerEntity Create(global::System.DateTime? executionTime = null) =>");
        writer.Line("    new() { Function = Name, ExecutionTime = executionTime };");
    }

    private static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
