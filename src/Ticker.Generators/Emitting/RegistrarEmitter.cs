using System.Linq;

namespace Ticker.Generators;

/// <summary>Writes <c>TickerFunctionsRegistrar</c>, whose <c>Register()</c> adds the assembly's request codecs and
/// function descriptors, and the <c>[assembly: TickerFunctionManifest]</c> attributes that let other assemblies'
/// generators and analyzers find it.</summary>
internal static class RegistrarEmitter
{
    public static string Emit(GenerationPlan plan)
    {
        var registrar = $"global::{plan.Namespace}.{AssemblyParser.RegistrarName}";
        var manifest = plan.Functions.Select(f => ManifestAttribute(f.Spec, registrar)).ToArray();
        var writer = GeneratedCode.StartFile(plan.Namespace, manifest);
        writer.Line("/// <summary>Adds this assembly's ticker functions and request codecs to the process-wide registries.");
        writer.Line("/// Called from the module initializer of this assembly and of every assembly referencing it.</summary>");
        writer.Line(GeneratedCode.Attribute);
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (writer.Open($"public static class {AssemblyParser.RegistrarName}"))
        {
            writer.Line("private static int s_registered;");
            writer.Line();
            writer.Line("/// <summary>Registers the functions and codecs once; later calls do nothing.</summary>");
            using (writer.Open("public static void Register()"))
            {
                EmitBody(writer, plan);
            }
        }

        return writer.ToString();
    }

    private static void EmitBody(SourceWriter writer, GenerationPlan plan)
    {
        using (writer.Open("if (global::System.Threading.Interlocked.Exchange(ref s_registered, 1) != 0)"))
        {
            writer.Line("return;");
        }

        writer.Line();
        foreach (var referenced in plan.Assembly.ReferencedRegistrars)
        {
            writer.Line($"{referenced}.Register();");
        }

        foreach (var request in plan.Requests)
        {
            var codec = plan.CodecTypesByName[request.TypeName].Identifier;
            writer.Line($"global::Ticker.TickerRequestCodecs.Register<{request.TypeName}>(TickerRequestJson.{codec}Codec.Instance);");
        }

        foreach (var type in plan.ContextRequestTypes)
        {
            writer.Line($"global::Ticker.TickerRequestCodecs.Register({plan.JsonContextTypeInfos[type]});");
        }

        writer.Line("global::Ticker.TickerFunctionRegistry.Register(");
        using (writer.Indent())
        {
            for (var i = 0; i < plan.Functions.Count; i++)
            {
                EmitDescriptor(writer, plan.Functions[i], last: i == plan.Functions.Count - 1);
            }
        }
    }

    private static void EmitDescriptor(SourceWriter writer, PlannedFunction function, bool last)
    {
        var spec = function.Spec;
        var name = GeneratedCode.Literal(spec.Name);
        using (writer.Open(
            $"new global::Ticker.TickerFunctionDescriptor({name}, TickerFunctionInvokers.Invoke{function.Identifier})",
            last ? ");" : ","))
        {
            writer.Line($"Priority = (global::Ticker.TickerPriority){spec.Priority},");
            writer.Line($"MaxConcurrency = {spec.MaxConcurrency},");
            writer.Line($"CronExpression = {GeneratedCode.Literal(spec.CronExpression)},");
            writer.Line($"RequestType = {(spec.Request is null ? "null" : $"typeof({spec.Request.TypeName})")},");
        }
    }

    private static string ManifestAttribute(FunctionSpec spec, string registrar)
    {
        var request = spec.Request is null ? "null" : $"typeof({spec.Request.TypeName})";

        return $"[assembly: global::Ticker.TickerFunctionManifest({GeneratedCode.Literal(spec.Name)}, {request}, typeof({registrar}))]";
    }
}
