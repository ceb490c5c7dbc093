namespace Ticker.Generators;

/// <summary>Writes the module initializer that registers this assembly's functions and those of every referenced
/// assembly with a manifest, so a library whose types nobody touches still contributes its functions.</summary>
internal static class ModuleInitializerEmitter
{
    public static string Emit(GenerationPlan plan)
    {
        var writer = GeneratedCode.StartFile(plan.Namespace);
        writer.Line("/// <summary>Registers ticker functions when this assembly loads.</summary>");
        writer.Line(GeneratedCode.Attribute);
        using (writer.Open("internal static class TickerModuleInitializer"))
        {
            writer.Line("#pragma warning disable CA2255 // Functions must be registered before the host builds its function table.");
            writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.Line("#pragma warning restore CA2255");
            using (writer.Open("internal static void Initialize()"))
            {
                EmitCalls(writer, plan);
            }
        }

        return writer.ToString();
    }

    private static void EmitCalls(SourceWriter writer, GenerationPlan plan)
    {
        if (plan.Functions.Count > 0)
        {
            writer.Line($"global::{plan.Namespace}.{AssemblyParser.RegistrarName}.Register();");
            return;
        }

        foreach (var registrar in plan.Assembly.ReferencedRegistrars)
        {
            writer.Line($"{registrar}.Register();");
        }
    }
}
