using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Ticker.Generators;

/// <summary>Where a diagnostic points, as plain values: a <see cref="Location"/> holds its syntax tree, which would
/// keep every compilation alive and make the pipeline's models unequal on every edit.</summary>
internal readonly record struct LocationSpec(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationSpec? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationSpec(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
