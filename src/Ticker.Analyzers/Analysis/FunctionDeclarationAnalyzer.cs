using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ticker.Analyzers;

/// <summary>Checks each <c>[TickerFunction]</c> declaration against the whole compilation and Cronos: duplicate
/// names (TICK0006), including those listed by referenced assemblies, and cron text (TICK0101).</summary>
/// <remarks>The method's own shape (TICK0001–0008) is reported by the generator, which refuses to emit it.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DuplicateFunctionName, Descriptors.InvalidCronExpression);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var index = new FunctionIndexCache(start.Compilation);
            start.RegisterSymbolAction(symbol => Analyze(symbol, index), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FunctionIndexCache index)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (FunctionIndex.FromMethod(method) is not { } function)
        {
            return;
        }

        CheckCron(context, method);
        CheckDuplicates(context, function, index.Get(context.CancellationToken));
    }

    private static void CheckCron(SymbolAnalysisContext context, IMethodSymbol method)
    {
        var attribute = method.GetAttributes()
            .First(a => a.AttributeClass?.FullName() == TickerNames.TickerFunctionAttribute);
        if (attribute.ConstructorArguments.Length < 2 || attribute.ConstructorArguments[1].Value is not string cron)
        {
            return;
        }

        var problem = CronText.Problem(cron);
        if (problem is null)
        {
            return;
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var location = syntax?.ArgumentList?.Arguments.ElementAtOrDefault(1)?.GetLocation() ?? method.Locations[0];
        var name = (string)attribute.ConstructorArguments[0].Value!;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidCronExpression, location, cron, name, problem));
    }

    private static void CheckDuplicates(SymbolAnalysisContext context, KnownFunction function, FunctionIndex index)
    {
        var others = index.Named(function.Name)
            .Where(f => !SymbolEqualityComparer.Default.Equals(f.Method, context.Symbol))
            .Where(f => f.Method is not null || f.RequestTypeKnown)
            .Select(f => f.Origin)
            .ToList();
        if (others.Count == 0)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DuplicateFunctionName,
            context.Symbol.Locations[0],
            function.Name,
            function.Origin.Trim('\''),
            string.Join(", ", others)));
    }
}
