using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Ticker.Analyzers;

namespace Ticker.Generators;

/// <summary>The parameter part of the function parser: each parameter must be one of the three things a run
/// supplies, each at most once.</summary>
internal sealed partial class FunctionParser
{
    private EquatableArray<FunctionParameterKind>? ClassifyParameters(
        out ITypeSymbol? requestType, out LocationSpec? requestLocation)
    {
        requestType = null;
        requestLocation = null;
        var kinds = new List<FunctionParameterKind>();
        var valid = true;
        foreach (var parameter in _method.Parameters)
        {
            var kind = Classify(parameter);
            if (kind is null)
            {
                valid = false;
                continue;
            }

            if (kinds.Contains(kind.Value))
            {
                var location = ParameterLocation(parameter);
                Report(DiagnosticIds.RepeatedParameter, location, MethodName, parameter.Type.DisplayName());
                valid = false;
                continue;
            }

            if (kind == FunctionParameterKind.TypedContext)
            {
                requestType = ((INamedTypeSymbol)parameter.Type).TypeArguments[0];
                requestLocation = ParameterLocation(parameter);
            }

            kinds.Add(kind.Value);
        }

        return valid ? kinds.ToEquatableArray() : null;
    }

    private FunctionParameterKind? Classify(IParameterSymbol parameter)
    {
        var kind = parameter.RefKind != RefKind.None ? null : parameter.Type.OriginalDefinition.FullName() switch
        {
            KnownNames.TickerFunctionContext => FunctionParameterKind.Context,
            KnownNames.TypedTickerFunctionContext => FunctionParameterKind.TypedContext,
            KnownNames.CancellationToken => (FunctionParameterKind?)FunctionParameterKind.CancellationToken,
            _ => null,
        };
        if (kind is null)
        {
            Report(
                DiagnosticIds.UnsupportedParameter,
                ParameterLocation(parameter),
                parameter.Name,
                MethodName,
                parameter.Type.DisplayName());
        }

        return kind;
    }

    private LocationSpec? ParameterLocation(IParameterSymbol parameter)
    {
        foreach (var location in parameter.Locations)
        {
            return LocationSpec.From(location) ?? _location;
        }

        return _location;
    }
}
