using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Writes the generated files of one compilation from its plan.</summary>
internal static class Emitter
{
    public static void Emit(
        SourceProductionContext context, ImmutableArray<FunctionParseResult> results, AssemblySpec assembly)
    {
        var plan = GenerationPlan.Create(results, assembly);
        if (plan.Functions.Count > 0)
        {
            context.AddSource("TickerFunctions.g.cs", HelperEmitter.Emit(plan));
            context.AddSource("TickerFunctionsRegistrar.g.cs", RegistrarEmitter.Emit(plan));
            context.AddSource("TickerFunctionInvokers.g.cs", InvokerEmitter.Emit(plan));
        }

        if (plan.Requests.Count > 0)
        {
            context.AddSource("TickerRequestJson.g.cs", CodecEmitter.Emit(plan));
        }

        if (plan.Functions.Count > 0 || assembly.ReferencedRegistrars.Count > 0)
        {
            context.AddSource("TickerModuleInitializer.g.cs", ModuleInitializerEmitter.Emit(plan));
        }
    }
}
