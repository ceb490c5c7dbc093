using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Reads the <c>[JsonSerializable]</c> attributes of a <c>JsonSerializerContext</c>, naming each type info
/// property the way System.Text.Json's generator does.</summary>
internal static class JsonContextParser
{
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string ContextBase = "global::System.Text.Json.Serialization.JsonSerializerContext";

    public static EquatableArray<JsonContextSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { IsGenericType: false } type
            || !DerivesFromContext(type)
            || !type.IsReachableFromGeneratedCode())
        {
            return EquatableArray<JsonContextSpec>.Empty;
        }

        ct.ThrowIfCancellationRequested();

        return context.Attributes
            .Where(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is ITypeSymbol)
            .Select(a => Spec(type, a))
            .ToEquatableArray();
    }

    private static JsonContextSpec Spec(INamedTypeSymbol contextType, AttributeData attribute)
    {
        var serializable = (ITypeSymbol)attribute.ConstructorArguments[0].Value!;
        var property = attribute.NamedArguments
            .Where(a => a.Key == "TypeInfoPropertyName")
            .Select(a => a.Value.Value as string)
            .FirstOrDefault() ?? PropertyName(serializable);

        return new JsonContextSpec(serializable.FullName(), $"{contextType.FullName()}.Default.{property}");
    }

    /// <summary>System.Text.Json's default: the type name, generic arguments appended, <c>Array</c> for
    /// arrays.</summary>
    private static string PropertyName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => PropertyName(array.ElementType) + "Array",
        INamedTypeSymbol { IsGenericType: true } generic =>
            generic.Name + string.Concat(generic.TypeArguments.Select(PropertyName)),
        _ => type.Name,
    };

    private static bool DerivesFromContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName() == ContextBase)
            {
                return true;
            }
        }

        return false;
    }
}
