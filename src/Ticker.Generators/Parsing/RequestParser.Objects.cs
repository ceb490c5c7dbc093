using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>The object part of the request walk: which constructor System.Text.Json would call, which properties
/// it writes and in what order, and how each decoded value reaches the new object.</summary>
internal sealed partial class RequestParser
{
    private CodecTypeSpec? DescribeObject(INamedTypeSymbol type, string? memberPath, out string? problem)
    {
        problem = ObjectProblem(type);
        if (problem is not null)
        {
            return null;
        }

        var constructor = ChooseConstructor(type, out problem);
        if (constructor is null)
        {
            return null;
        }

        var properties = CollectProperties(type, memberPath ?? type.Name, out var membersSupported);
        var arguments = MatchConstructor(constructor, properties, out problem);
        problem ??= RequiredMemberProblem(type, constructor, properties);
        if (arguments is null || problem is not null || !membersSupported)
        {
            return null;
        }

        var specs = properties.Select(p => p.ToSpec(arguments)).ToEquatableArray();

        return Spec(type, CodecTypeKind.Object, PrimitiveKind.None, element: null) with
        {
            Object = new ObjectSpec(specs, arguments.ToEquatableArray()),
        };
    }

    private static string? ObjectProblem(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return "its shape is only known at run time";
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return "it is not a class, struct, enum or supported collection";
        }

        if (type.IsAbstract)
        {
            return "it is abstract";
        }

        if (!type.IsReachableFromGeneratedCode())
        {
            return "it is not accessible from generated code";
        }

        return AttributeOrFrameworkProblem(type);
    }

    private static string? AttributeOrFrameworkProblem(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal))
        {
            return "it is a framework type the generated codec does not know";
        }

        if (type.FindAttribute(KnownNames.JsonConverterAttribute) is not null)
        {
            return "it has a [JsonConverter], which the generated codec does not honour";
        }

        if (type.FindAttribute(KnownNames.JsonPolymorphicAttribute) is not null
            || type.FindAttribute(KnownNames.JsonDerivedTypeAttribute) is not null)
        {
            return "it is polymorphic";
        }

        if (CollectionTypes.IsOtherEnumerable(type))
        {
            return "it is a collection other than T[], List<T> or Dictionary<string, T>";
        }

        return null;
    }

    /// <summary>The constructor System.Text.Json picks: a public <c>[JsonConstructor]</c>, else a public
    /// parameterless one, else the only public one.</summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .ToList();
        var annotated = candidates
            .FirstOrDefault(c => c.FindAttribute(KnownNames.JsonConstructorAttribute) is not null);
        var parameterless = candidates.FirstOrDefault(c => c.Parameters.Length == 0);
        var withParameters = candidates.Where(c => c.Parameters.Length > 0).ToList();
        var chosen = annotated ?? parameterless ?? (withParameters.Count == 1 ? withParameters[0] : null);
        if (chosen is null)
        {
            problem = candidates.Count == 0
                ? "it has no public constructor"
                : "it has several public constructors and none is marked [JsonConstructor]";
        }

        return chosen;
    }

    private List<PropertyCandidate> CollectProperties(INamedTypeSymbol type, string path, out bool supported)
    {
        supported = true;
        var found = new List<PropertyCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in TypeHierarchy(type))
        {
            foreach (var property in level.GetMembers().OfType<IPropertySymbol>())
            {
                if (!seen.Add(property.Name) || !IsSerializable(property, path, ref supported))
                {
                    continue;
                }

                var candidate = PropertyCandidate.From(property);
                if (candidate is not null)
                {
                    supported &= Visit(property.Type, path + "." + property.Name);
                    found.Add(candidate);
                }
            }
        }

        return found.Select((p, i) => (p, i)).OrderBy(x => x.p.Order).ThenBy(x => x.i).Select(x => x.p).ToList();
    }

    private bool IsSerializable(IPropertySymbol property, string path, ref bool supported)
    {
        if (property.IsStatic || property.IsIndexer)
        {
            return false;
        }

        var isPublic = property.DeclaredAccessibility == Accessibility.Public
            && property.GetMethod?.DeclaredAccessibility == Accessibility.Public;
        var unsupportedAttribute = property.FindAttribute(KnownNames.JsonConverterAttribute) is not null
            || property.FindAttribute(KnownNames.JsonExtensionDataAttribute) is not null
            || (!isPublic && property.FindAttribute(KnownNames.JsonIncludeAttribute) is not null)
            || PropertyCandidate.IgnoreConditionOf(property) > 3;
        if (unsupportedAttribute)
        {
            ReportMember(path + "." + property.Name, property.Type);
            supported = false;
            return false;
        }

        return isPublic;
    }

    /// <summary>The type, then its base types: System.Text.Json writes a derived type's own properties first.</summary>
    private static List<INamedTypeSymbol> TypeHierarchy(INamedTypeSymbol type)
    {
        var levels = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
            {
                break;
            }

            levels.Add(current);
        }

        return levels;
    }

    private static List<string>? MatchConstructor(
        IMethodSymbol constructor, List<PropertyCandidate> properties, out string? problem)
    {
        problem = null;
        var arguments = new List<string>();
        foreach (var parameter in constructor.Parameters)
        {
            var match = properties.FirstOrDefault(p =>
                string.Equals(p.Symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                && SymbolEqualityComparer.Default.Equals(p.Symbol.Type, parameter.Type));
            if (match is null || parameter.RefKind != RefKind.None)
            {
                problem = $"constructor parameter '{parameter.Name}' matches no property of the same type";
                return null;
            }

            arguments.Add(match.Symbol.Name);
        }

        return arguments;
    }

    private static string? RequiredMemberProblem(
        INamedTypeSymbol type, IMethodSymbol constructor, List<PropertyCandidate> properties)
    {
        if (constructor.FindAttribute(KnownNames.SetsRequiredMembersAttribute) is not null)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            var required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
            if (required && !properties.Any(p => p.Symbol.Name == member.Name && p.CanAssign))
            {
                return $"its required member '{member.Name}' cannot be set by the codec";
            }
        }

        return null;
    }
}
