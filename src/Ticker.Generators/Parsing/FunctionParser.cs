using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Ticker.Analyzers;

namespace Ticker.Generators;

/// <summary>Turns one <c>[TickerFunction]</c> method into a <see cref="FunctionSpec"/>, or into the diagnostics
/// that say why its shape is refused.</summary>
internal sealed partial class FunctionParser
{
    private readonly IMethodSymbol _method;
    private readonly LocationSpec? _location;
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly List<DiagnosticSpec> _requestDiagnostics = new();
    private readonly CancellationToken _cancellationToken;

    private FunctionParser(IMethodSymbol method, LocationSpec? location, CancellationToken cancellationToken)
    {
        _method = method;
        _location = location;
        _cancellationToken = cancellationToken;
    }

    public static FunctionParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            var none = EquatableArray<DiagnosticSpec>.Empty;
            return new FunctionParseResult(null, none, none);
        }

        var node = context.TargetNode as MethodDeclarationSyntax;
        var parser = new FunctionParser(method, LocationSpec.From(node?.Identifier.GetLocation()), ct);
        var function = parser.Parse(context.Attributes[0]);

        return new FunctionParseResult(
            function, parser._diagnostics.ToEquatableArray(), parser._requestDiagnostics.ToEquatableArray());
    }

    private FunctionSpec? Parse(AttributeData attribute)
    {
        var name = attribute.ConstructorArguments.FirstOrDefault().Value as string;
        if (string.IsNullOrWhiteSpace(name))
        {
            Report(DiagnosticIds.InvalidFunctionName, MethodName);
            return null;
        }

        var shapeIsValid = CheckAccessibility() & CheckGenerics();
        var returnKind = ClassifyReturn();
        var parameters = ClassifyParameters(out var requestType, out var requestLocation);
        var construction = _method.IsStatic ? null : DescribeConstruction();
        if (!shapeIsValid || returnKind is null || parameters is null || (!_method.IsStatic && construction is null))
        {
            return null;
        }

        var request = requestType is null
            ? null
            : RequestParser.Parse(requestType, requestLocation, _requestDiagnostics, _cancellationToken);

        return new FunctionSpec(
            name!,
            attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null,
            NamedInt(attribute, "Priority") ?? 1,
            NamedInt(attribute, "MaxConcurrency") ?? 0,
            _method.ContainingType.FullName(),
            _method.Name,
            _method.IsStatic,
            returnKind.Value,
            parameters.Value,
            request,
            construction);
    }

    private string MethodName => _method.ContainingType.DisplayName() + "." + _method.Name;

    private bool CheckAccessibility()
    {
        if (_method.IsReachableFromGeneratedCode())
        {
            return true;
        }

        Report(DiagnosticIds.FunctionNotAccessible, MethodName);

        return false;
    }

    private bool CheckGenerics()
    {
        var generic = _method.IsGenericMethod;
        for (var type = _method.ContainingType; type is not null; type = type.ContainingType)
        {
            generic |= type.IsGenericType;
        }

        if (generic)
        {
            Report(DiagnosticIds.FunctionIsGeneric, MethodName);
        }

        return !generic;
    }

    private FunctionReturnKind? ClassifyReturn()
    {
        var returnType = _method.ReturnType;
        if (_method.ReturnsVoid)
        {
            return FunctionReturnKind.Void;
        }

        if (returnType.FullName() == KnownNames.Task)
        {
            return FunctionReturnKind.Task;
        }

        if (returnType.FullName() == KnownNames.ValueTask)
        {
            return FunctionReturnKind.ValueTask;
        }

        Report(DiagnosticIds.UnsupportedReturnType, MethodName, returnType.DisplayName());

        return null;
    }

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }

    private void Report(string id, params string[] arguments) => Report(id, _location, arguments);

    private void Report(string id, LocationSpec? location, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticSpec(id, location, arguments.ToEquatableArray()));
}
