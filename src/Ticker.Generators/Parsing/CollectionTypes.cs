using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Recognises the collection types the codec reads into a <c>List&lt;T&gt;</c> or a
/// <c>Dictionary&lt;string, T&gt;</c>.</summary>
internal static class CollectionTypes
{
    public static bool IsList(INamedTypeSymbol type) => type.OriginalDefinition.FullName() switch
    {
        "global::System.Collections.Generic.List<T>" => true,
        "global::System.Collections.Generic.IList<T>" => true,
        "global::System.Collections.Generic.ICollection<T>" => true,
        "global::System.Collections.Generic.IEnumerable<T>" => true,
        "global::System.Collections.Generic.IReadOnlyList<T>" => true,
        "global::System.Collections.Generic.IReadOnlyCollection<T>" => true,
        _ => false,
    };

    public static bool IsDictionary(INamedTypeSymbol type) => type.OriginalDefinition.FullName() switch
    {
        "global::System.Collections.Generic.Dictionary<TKey, TValue>" => true,
        "global::System.Collections.Generic.IDictionary<TKey, TValue>" => true,
        "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" => true,
        _ => false,
    };

    /// <summary>Whether the type is some other collection, which System.Text.Json would write as an array and
    /// this codec does not support.</summary>
    public static bool IsOtherEnumerable(ITypeSymbol type)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
