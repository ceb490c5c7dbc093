using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>A public property the codec writes, with the JSON attributes that shape it.</summary>
internal sealed class PropertyCandidate
{
    private PropertyCandidate(IPropertySymbol symbol, string jsonName, int order, WriteCondition condition)
    {
        Symbol = symbol;
        JsonName = jsonName;
        Order = order;
        Condition = condition;
    }

    public IPropertySymbol Symbol { get; }

    public string JsonName { get; }

    public int Order { get; }

    public WriteCondition Condition { get; }

    public bool CanAssign => Symbol.SetMethod?.DeclaredAccessibility == Accessibility.Public;

    /// <summary>The candidate, or null when <c>[JsonIgnore]</c> leaves the property out entirely.</summary>
    public static PropertyCandidate? From(IPropertySymbol property)
    {
        var ignore = property.FindAttribute(KnownNames.JsonIgnoreAttribute) is null ? 0 : IgnoreConditionOf(property);
        if (ignore == 1)
        {
            return null;
        }

        var condition = ignore switch
        {
            2 => WriteCondition.WhenNotDefault,
            3 => WriteCondition.WhenNotNull,
            _ => WriteCondition.Always,
        };
        var name = FirstArgument(property, KnownNames.JsonPropertyNameAttribute) as string;
        var order = FirstArgument(property, KnownNames.JsonPropertyOrderAttribute) as int?;

        return new PropertyCandidate(property, name ?? property.Name, order ?? 0, condition);
    }

    /// <summary>The <c>JsonIgnoreCondition</c> value of the property's <c>[JsonIgnore]</c>: 0 without the attribute,
    /// 1 (Always) when the attribute names no condition.</summary>
    public static int IgnoreConditionOf(IPropertySymbol property)
    {
        var attribute = property.FindAttribute(KnownNames.JsonIgnoreAttribute);
        if (attribute is null)
        {
            return 0;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Condition" && argument.Value.Value is int condition)
            {
                return condition;
            }
        }

        return 1;
    }

    public CodecPropertySpec ToSpec(List<string> constructorArguments) =>
        new(
            Symbol.Name,
            JsonName,
            Symbol.Type.FullName(),
            IsWritten: true,
            AssignmentFor(constructorArguments),
            Condition);

    private static object? FirstArgument(IPropertySymbol property, string attribute) =>
        property.FindAttribute(attribute)?.ConstructorArguments.FirstOrDefault().Value;

    private PropertyAssignment AssignmentFor(List<string> constructorArguments)
    {
        if (constructorArguments.Contains(Symbol.Name))
        {
            return PropertyAssignment.Constructor;
        }

        if (!CanAssign)
        {
            return PropertyAssignment.None;
        }

        return Symbol.SetMethod!.IsInitOnly || Symbol.IsRequired
            ? PropertyAssignment.Initializer
            : PropertyAssignment.Setter;
    }
}
