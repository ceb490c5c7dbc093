using Microsoft.CodeAnalysis;

namespace Ticker.Analyzers;

/// <summary>Fully qualified names of the Ticker types the analyzers look for.</summary>
internal static class TickerNames
{
    public const string TickerFunctionAttribute = "Ticker.TickerFunctionAttribute";
    public const string ManifestAttribute = "Ticker.TickerFunctionManifestAttribute";
    public const string TickerFunctionContextOfT = "Ticker.TickerFunctionContext<TRequest>";
    public const string TimeTickerEntity = "Ticker.TimeTickerEntity";
    public const string CronTickerEntity = "Ticker.CronTickerEntity";
    public const string TickerHelper = "Ticker.TickerHelper";

    private static readonly SymbolDisplayFormat s_format = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None);

    public static string FullName(this ISymbol symbol) => symbol.OriginalDefinition.ToDisplayString(s_format);

    /// <summary>Whether the type is, or derives from, a type of the given full name.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.FullName() == fullName)
            {
                return true;
            }
        }

        return false;
    }
}
