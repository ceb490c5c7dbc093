using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Ticker.Analyzers;

namespace Ticker.Generators;

/// <summary>Walks a request type and every type reachable from its properties, producing the codec's
/// <see cref="CodecTypeSpec"/>s, or diagnostics naming each member the codec cannot serialize.</summary>
internal sealed partial class RequestParser
{
    private readonly Dictionary<string, CodecTypeSpec?> _types = new();
    private readonly List<string> _order = new();
    private readonly List<DiagnosticSpec> _diagnostics = new();
    private readonly ITypeSymbol _request;
    private readonly LocationSpec? _location;
    private readonly CancellationToken _cancellationToken;

    private RequestParser(ITypeSymbol request, LocationSpec? location, CancellationToken cancellationToken)
    {
        _request = request;
        _location = location;
        _cancellationToken = cancellationToken;
    }

    public static RequestSpec Parse(
        ITypeSymbol request, LocationSpec? location, List<DiagnosticSpec> diagnostics, CancellationToken ct)
    {
        var parser = new RequestParser(request, location, ct);
        var supported = parser.Visit(request, memberPath: null);
        diagnostics.AddRange(parser._diagnostics);
        var types = supported
            ? parser._order.Select(name => parser._types[name]!).ToEquatableArray()
            : EquatableArray<CodecTypeSpec>.Empty;

        return new RequestSpec(request.FullName(), request.DisplayName(), IsPublic(request), supported, types);
    }

    private static bool IsPublic(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsPublic(array.ElementType),
        INamedTypeSymbol named => IsPublicChain(named) && named.TypeArguments.All(IsPublic),
        _ => false,
    };

    private static bool IsPublicChain(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the type's spec; false (with a diagnostic) when the codec cannot handle it.</summary>
    private bool Visit(ITypeSymbol type, string? memberPath)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var name = type.FullName();
        if (_types.ContainsKey(name))
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        _types[name] = null;
        var spec = Describe(type, memberPath, out var problem);
        if (spec is null)
        {
            _types.Remove(name);
            if (problem is not null)
            {
                ReportType(type, memberPath, problem);
            }

            return false;
        }

        _types[name] = spec;
        _order.Add(name);

        return true;
    }

    private CodecTypeSpec? Describe(ITypeSymbol type, string? memberPath, out string? problem)
    {
        problem = null;
        var primitive = ScalarTypes.Classify(type);
        if (primitive != PrimitiveKind.None)
        {
            return Spec(type, CodecTypeKind.Primitive, primitive, element: null);
        }

        if (type is IArrayTypeSymbol array)
        {
            return DescribeArray(array, memberPath, out problem);
        }

        if (type is not INamedTypeSymbol named)
        {
            problem = "it is not a class, struct, enum or supported collection";
            return null;
        }

        return DescribeNamed(named, memberPath, out problem);
    }

    private CodecTypeSpec? DescribeArray(IArrayTypeSymbol array, string? memberPath, out string? problem)
    {
        problem = null;
        if (array.Rank != 1)
        {
            problem = "multi-dimensional arrays are not supported";
            return null;
        }

        return VisitElement(array.ElementType, memberPath)
            ? Spec(array, CodecTypeKind.Array, PrimitiveKind.None, array.ElementType)
            : null;
    }

    private CodecTypeSpec? DescribeNamed(INamedTypeSymbol type, string? memberPath, out string? problem)
    {
        problem = null;
        if (type.TypeKind == TypeKind.Enum)
        {
            return DescribeEnum(type, out problem);
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            var inner = type.TypeArguments[0];
            return VisitElement(inner, memberPath)
                ? Spec(type, CodecTypeKind.Nullable, PrimitiveKind.None, inner)
                : null;
        }

        if (CollectionTypes.IsList(type))
        {
            var element = type.TypeArguments[0];
            return VisitElement(element, memberPath)
                ? Spec(type, CodecTypeKind.List, PrimitiveKind.None, element)
                : null;
        }

        if (CollectionTypes.IsDictionary(type))
        {
            return DescribeDictionary(type, memberPath, out problem);
        }

        return DescribeObject(type, memberPath, out problem);
    }

    private static CodecTypeSpec? DescribeEnum(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        if (type.FindAttribute(KnownNames.JsonConverterAttribute) is not null)
        {
            problem = "it has a [JsonConverter], which the generated codec does not honour";
            return null;
        }

        if (!type.IsReachableFromGeneratedCode())
        {
            problem = "it is not accessible from generated code";
            return null;
        }

        return Spec(type, CodecTypeKind.Enum, ScalarTypes.Classify(type.EnumUnderlyingType!), element: null);
    }

    private CodecTypeSpec? DescribeDictionary(INamedTypeSymbol type, string? memberPath, out string? problem)
    {
        problem = null;
        if (type.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            problem = "only dictionaries with string keys are supported";
            return null;
        }

        var value = type.TypeArguments[1];

        return VisitElement(value, memberPath) ? Spec(type, CodecTypeKind.Dictionary, PrimitiveKind.None, value) : null;
    }

    /// <summary>Visits an element or value type; its problems are reported against the member that holds it.</summary>
    private bool VisitElement(ITypeSymbol element, string? memberPath) => Visit(element, memberPath);

    private static CodecTypeSpec Spec(
        ITypeSymbol type, CodecTypeKind kind, PrimitiveKind primitive, ITypeSymbol? element) =>
        new(
            type.FullName(),
            IdentifierNames.ForType(type),
            kind,
            primitive,
            type.IsValueType,
            element?.FullName(),
            Object: null);

    private void ReportType(ITypeSymbol type, string? memberPath, string problem)
    {
        if (memberPath is null)
        {
            _diagnostics.Add(new DiagnosticSpec(
                DiagnosticIds.RequestTypeNotSerializable,
                _location,
                new[] { type.DisplayName(), problem, type.DisplayName() }.ToEquatableArray()));
            return;
        }

        ReportMember(memberPath, type);
    }

    private void ReportMember(string memberPath, ITypeSymbol memberType)
    {
        _diagnostics.Add(new DiagnosticSpec(
            DiagnosticIds.RequestMemberNotSerializable,
            _location,
            new[] { memberPath, _request.DisplayName(), memberType.DisplayName(), _request.DisplayName() }
                .ToEquatableArray()));
    }
}
