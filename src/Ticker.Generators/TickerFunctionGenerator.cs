using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ticker.Generators;

/// <summary>
/// Finds <c>[TickerFunction]</c> methods and emits, per compilation, their invokers, request codecs, typed helpers,
/// registrar, manifest and module initializer.
/// </summary>
/// <remarks>
/// Pipeline: <see cref="FunctionParser"/> turns each method into an equatable <see cref="FunctionParseResult"/>;
/// <see cref="AssemblyParser"/> reads the referenced assemblies' manifests; the emitters run only when one of
/// those models changed. Diagnostics of a refused method are reported per method, from its own model.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class TickerFunctionGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>One parse result per attributed method.</summary>
        public const string Functions = "Functions";

        /// <summary>The compilation-wide facts.</summary>
        public const string Assembly = "Assembly";

        /// <summary>The parse results of all methods together.</summary>
        public const string AllFunctions = "AllFunctions";

        /// <summary>The types <c>JsonSerializerContext</c>s of the compilation serialize.</summary>
        public const string JsonContexts = "JsonContexts";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TickerFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, ct) => FunctionParser.Parse(syntax, ct))
            .WithTrackingName(Steps.Functions);
        var assembly = context.CompilationProvider
            .Select(static (compilation, ct) => AssemblyParser.Parse(compilation, ct))
            .WithTrackingName(Steps.Assembly);
        var all = functions.Collect().WithTrackingName(Steps.AllFunctions);
        var jsonContexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                JsonContextParser.JsonSerializableAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, ct) => JsonContextParser.Parse(syntax, ct))
            .Collect()
            .Select(static (contexts, _) => contexts.SelectMany(c => c).ToEquatableArray())
            .WithTrackingName(Steps.JsonContexts);

        context.RegisterSourceOutput(functions, static (output, result) => Report(output, result));
        context.RegisterSourceOutput(
            all.Combine(assembly).Combine(jsonContexts),
            static (output, inputs) => Emitter.Emit(output, inputs.Left.Left, inputs.Left.Right, inputs.Right));
    }

    private static void Report(SourceProductionContext context, FunctionParseResult result)
    {
        foreach (var diagnostic in result.Diagnostics.Distinct())
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
