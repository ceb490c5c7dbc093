using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Writes the generated files of one compilation from its plan, and reports the request types that get
/// neither a generated codec nor one from a <c>JsonSerializerContext</c>.</summary>
internal static class Emitter
{
    public static void Emit(
        SourceProductionContext context,
        ImmutableArray<FunctionParseResult> results,
        AssemblySpec assembly,
        EquatableArray<JsonContextSpec> jsonContexts)
    {
        var plan = GenerationPlan.Create(results, assembly, jsonContexts);
        ReportRequestsWithoutCodec(context, results, plan);
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

    private static void ReportRequestsWithoutCodec(
        SourceProductionContext context, ImmutableArray<FunctionParseResult> results, GenerationPlan plan)
    {
        var uncovered = results.Where(r => r.Function?.Request is { HasGeneratedCodec: false } request
            && !plan.JsonContextTypeInfos.ContainsKey(request.TypeName));
        foreach (var diagnostic in uncovered.SelectMany(r => r.RequestDiagnostics).Distinct())
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
