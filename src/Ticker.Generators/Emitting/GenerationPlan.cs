using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Ticker.Generators;

/// <summary>Everything the emitters write for one compilation: the functions to emit (the first of each name, in
/// name order, so output is stable), the codec types merged across functions, and the names given to both.</summary>
internal sealed class GenerationPlan
{
    private GenerationPlan(
        AssemblySpec assembly,
        IReadOnlyList<PlannedFunction> functions,
        IReadOnlyList<PlannedCodecType> codecTypes,
        IReadOnlyList<RequestSpec> requests,
        IReadOnlyDictionary<string, string> jsonContextTypeInfos)
    {
        Assembly = assembly;
        Functions = functions;
        CodecTypes = codecTypes;
        CodecTypesByName = codecTypes.ToDictionary(t => t.Spec.TypeName, StringComparer.Ordinal);
        Requests = requests;
        JsonContextTypeInfos = jsonContextTypeInfos;
    }

    public AssemblySpec Assembly { get; }

    public string Namespace => Assembly.Namespace;

    public IReadOnlyList<PlannedFunction> Functions { get; }

    public IReadOnlyList<PlannedCodecType> CodecTypes { get; }

    public IReadOnlyDictionary<string, PlannedCodecType> CodecTypesByName { get; }

    /// <summary>The request types with a generated codec, each once.</summary>
    public IReadOnlyList<RequestSpec> Requests { get; }

    /// <summary>The <c>JsonTypeInfo</c> expression for each type a <c>JsonSerializerContext</c> serializes.</summary>
    public IReadOnlyDictionary<string, string> JsonContextTypeInfos { get; }

    /// <summary>The request types without a generated codec that a <c>JsonSerializerContext</c> serializes: the
    /// registrar registers the context's type info for them.</summary>
    public IEnumerable<string> ContextRequestTypes => Functions
        .Select(f => f.Spec.Request)
        .OfType<RequestSpec>()
        .Where(r => !r.HasGeneratedCodec && JsonContextTypeInfos.ContainsKey(r.TypeName))
        .Select(r => r.TypeName)
        .Distinct(StringComparer.Ordinal);

    public static GenerationPlan Create(
        ImmutableArray<FunctionParseResult> results,
        AssemblySpec assembly,
        EquatableArray<JsonContextSpec> jsonContexts)
    {
        var specs = results
            .Select(r => r.Function)
            .OfType<FunctionSpec>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.TargetType, StringComparer.Ordinal)
            .ThenBy(f => f.MethodName, StringComparer.Ordinal)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var codecTypes = PlanCodecTypes(specs);
        var requests = specs
            .Select(f => f.Request)
            .OfType<RequestSpec>()
            .Where(r => r.HasGeneratedCodec)
            .GroupBy(r => r.TypeName, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var codecNames = codecTypes.ToDictionary(t => t.Spec.TypeName, t => t.Identifier, StringComparer.Ordinal);
        var functions = PlanFunctions(specs, codecNames, assembly.Namespace);

        var typeInfos = jsonContexts
            .GroupBy(c => c.TypeName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().TypeInfo, StringComparer.Ordinal);

        return new GenerationPlan(assembly, functions, codecTypes, requests, typeInfos);
    }

    private static List<PlannedCodecType> PlanCodecTypes(List<FunctionSpec> specs)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return specs
            .Select(f => f.Request)
            .Where(r => r is { HasGeneratedCodec: true })
            .SelectMany(r => r!.Types)
            .GroupBy(t => t.TypeName, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(t => t.TypeName, StringComparer.Ordinal)
            .Select(t => new PlannedCodecType(t, Unique(t.IdentifierName, taken)))
            .ToList();
    }

    private static List<PlannedFunction> PlanFunctions(
        List<FunctionSpec> specs, Dictionary<string, string> codecNames, string ns)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var functions = new List<PlannedFunction>();
        foreach (var spec in specs)
        {
            var identifier = Unique(HelperClassName(spec.Name), taken);
            functions.Add(new PlannedFunction(spec, identifier, CodecExpression(spec.Request, codecNames, ns)));
        }

        return functions;
    }

    /// <summary>The function's helper class name; names of the helper's own members, and of the class holding it,
    /// get a <c>Function</c> suffix, since a nested class cannot share a name with its members or container.</summary>
    private static string HelperClassName(string functionName)
    {
        var identifier = IdentifierNames.Sanitize(functionName);

        return identifier is "TickerFunctions" or "Name" or "Encode" or "Create" ? identifier + "Function" : identifier;
    }

    private static string? CodecExpression(RequestSpec? request, Dictionary<string, string> codecNames, string ns)
    {
        if (request is null)
        {
            return null;
        }

        return request.HasGeneratedCodec
            ? $"global::{ns}.TickerRequestJson.{codecNames[request.TypeName]}Codec.Instance"
            : $"global::Ticker.TickerRequestCodecs.Get<{request.TypeName}>()";
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
