using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>How the generator names symbols in its models and in generated code.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat s_display = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    /// <summary>The <c>global::</c>-qualified name, without nullable reference annotations.</summary>
    public static string FullName(this ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
            .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The name a user would write, for messages.</summary>
    public static string DisplayName(this ISymbol symbol) => symbol.ToDisplayString(s_display);

    /// <summary>Whether the type's original definition has the given <c>global::</c>-qualified name.</summary>
    public static bool Is(this ITypeSymbol type, string fullName) => type.OriginalDefinition.FullName() == fullName;

    /// <summary>Finds an attribute by its <c>global::</c>-qualified name.</summary>
    public static AttributeData? FindAttribute(this ISymbol symbol, string fullName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Is(fullName) == true);

    /// <summary>Whether generated code in the same assembly can name the symbol and every type containing it.</summary>
    public static bool IsReachableFromGeneratedCode(this ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal
                or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
