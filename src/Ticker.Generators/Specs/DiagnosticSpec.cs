using Microsoft.CodeAnalysis;
using Ticker.Analyzers;

namespace Ticker.Generators;

/// <summary>A diagnostic the generator reports, held as its id, location and message arguments.</summary>
internal sealed record DiagnosticSpec(string Id, LocationSpec? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(DescriptorFor(Id), Location?.ToLocation(), arguments);
    }

    private static DiagnosticDescriptor DescriptorFor(string id) => id switch
    {
        DiagnosticIds.FunctionNotAccessible => Descriptors.FunctionNotAccessible,
        DiagnosticIds.FunctionIsGeneric => Descriptors.FunctionIsGeneric,
        DiagnosticIds.UnsupportedParameter => Descriptors.UnsupportedParameter,
        DiagnosticIds.UnsupportedReturnType => Descriptors.UnsupportedReturnType,
        DiagnosticIds.InvalidFunctionName => Descriptors.InvalidFunctionName,
        DiagnosticIds.TargetNotConstructible => Descriptors.TargetNotConstructible,
        DiagnosticIds.RepeatedParameter => Descriptors.RepeatedParameter,
        DiagnosticIds.RequestMemberNotSerializable => Descriptors.RequestMemberNotSerializable,
        _ => Descriptors.RequestTypeNotSerializable,
    };
}
