using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Ticker.Analyzers;

/// <summary>Checks where tickers are created: a <c>Function = "..."</c> naming no known function (TICK0301, with the
/// closest name), and a request from <c>TickerHelper.CreateTickerRequest</c> whose type is not the function's
/// (TICK0302) or given to a function that takes none (TICK0303).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallSiteAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the suggested name, read by the code fix.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UnknownFunctionName,
        Descriptors.RequestTypeMismatch,
        Descriptors.RequestForFunctionWithoutRequest);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var index = new FunctionIndexCache(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, index), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(
                c => AnalyzeInitializer(c, index), OperationKind.ObjectOrCollectionInitializer);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, FunctionIndexCache cache)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!IsTickerMember(assignment.Target, "Function") || assignment.Value.ConstantValue.Value is not string name)
        {
            return;
        }

        var index = cache.Get(context.CancellationToken);
        if (index.Named(name).Count > 0)
        {
            return;
        }

        var suggestion = NameSuggester.Closest(name, index.Names);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnknownFunctionName, assignment.Value.Syntax.GetLocation(), properties, name, hint));
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, FunctionIndexCache cache)
    {
        var assignments = ((IObjectOrCollectionInitializerOperation)context.Operation).Initializers
            .OfType<ISimpleAssignmentOperation>()
            .ToList();
        var function = assignments.FirstOrDefault(a => IsTickerMember(a.Target, "Function"));
        var name = function?.Value.ConstantValue.Value as string;
        var request = assignments.FirstOrDefault(a => IsTickerMember(a.Target, "Request"))?.Value;
        if (name is null || request is null || EncodedType(request) is not { } encoded)
        {
            return;
        }

        var functions = cache.Get(context.CancellationToken).Named(name);
        if (functions.Count != 1 || !functions[0].RequestTypeKnown)
        {
            return;
        }

        Check(context, functions[0], encoded, request);
    }

    private static void Check(
        OperationAnalysisContext context, KnownFunction function, ITypeSymbol encoded, IOperation request)
    {
        if (function.RequestType is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RequestForFunctionWithoutRequest,
                request.Syntax.GetLocation(),
                function.Name,
                encoded.ToDisplayString()));
            return;
        }

        if (!SymbolEqualityComparer.Default.Equals(function.RequestType, encoded))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RequestTypeMismatch,
                request.Syntax.GetLocation(),
                function.Name,
                function.RequestType.ToDisplayString(),
                encoded.ToDisplayString()));
        }
    }

    /// <summary>The <c>T</c> of a <c>TickerHelper.CreateTickerRequest&lt;T&gt;(...)</c> call, looking through
    /// conversions.</summary>
    private static ITypeSymbol? EncodedType(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IInvocationOperation { TargetMethod: { Name: "CreateTickerRequest" } method }
            && method.ContainingType.FullName() == TickerNames.TickerHelper
                ? method.TypeArguments.FirstOrDefault()
                : null;
    }

    private static bool IsTickerMember(IOperation target, string member) =>
        target is IPropertyReferenceOperation { Property: var property }
        && property.Name == member
        && (property.ContainingType.IsOrDerivesFrom(TickerNames.TimeTickerEntity)
            || property.ContainingType.IsOrDerivesFrom(TickerNames.CronTickerEntity));
}
