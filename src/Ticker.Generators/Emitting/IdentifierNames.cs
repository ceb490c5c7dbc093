using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ticker.Generators;

/// <summary>Makes C# identifiers for generated members from function names and types.</summary>
internal static class IdentifierNames
{
    /// <summary>A readable name for a type: <c>ListOfOrderLine</c>, <c>Int32Array</c>, <c>OuterInner</c>.</summary>
    public static string ForType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return ForType(array.ElementType) + "Array";
        }

        var name = new StringBuilder();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name.Insert(0, containing.Name);
        }

        name.Append(type.Name);
        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            name.Append("Of").Append(string.Join("And", generic.TypeArguments.Select(ForType)));
        }

        return Sanitize(name.ToString());
    }

    /// <summary>An identifier made of the text's letters, digits and underscores.</summary>
    public static string Sanitize(string text)
    {
        var identifier = new StringBuilder(text.Length + 1);
        foreach (var character in text)
        {
            identifier.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
        }

        if (identifier.Length == 0 || char.IsDigit(identifier[0]))
        {
            identifier.Insert(0, '_');
        }

        var result = identifier.ToString();

        return SyntaxFacts.GetKeywordKind(result) == SyntaxKind.None ? result : "_" + result;
    }
}
