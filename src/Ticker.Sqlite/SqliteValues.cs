using System.Globalization;
using System.Text;

namespace Ticker;

/// <summary>How the store's values are written to and read from SQLite columns.</summary>
internal static class SqliteValues
{
    /// <summary>Writes a GUID as 16 big-endian bytes, so that SQLite's byte order matches
    /// <see cref="Guid.CompareTo(Guid)"/>.</summary>
    public static void WriteGuid(Guid id, Span<byte> destination) =>
        id.TryWriteBytes(destination, bigEndian: true, out _);

    /// <summary>Reads what <see cref="WriteGuid"/> wrote.</summary>
    public static Guid ReadGuid(ReadOnlySpan<byte> bytes) => new(bytes, bigEndian: true);

    /// <summary>UTC ticks. A local time is converted; an unspecified one is taken as UTC already.</summary>
    public static long ToTicks(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    /// <summary>Reads what <see cref="ToTicks"/> wrote, as a UTC time.</summary>
    public static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);

    /// <summary>Retry intervals as a comma list; an empty list is an empty string, no list is <c>NULL</c>.</summary>
    public static string? FromIntervals(int[]? intervals)
    {
        if (intervals is null)
        {
            return null;
        }

        var text = new StringBuilder(intervals.Length * 4);
        foreach (var interval in intervals)
        {
            text.Append(text.Length == 0 ? null : ",").Append(interval.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Reads what <see cref="FromIntervals"/> wrote.</summary>
    public static int[] ToIntervals(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var span = text.AsSpan();
        var intervals = new int[span.Count(',') + 1];
        var index = 0;
        foreach (var range in span.Split(','))
        {
            intervals[index++] = int.Parse(span[range], CultureInfo.InvariantCulture);
        }

        return intervals;
    }
}
