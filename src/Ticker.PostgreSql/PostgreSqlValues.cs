using System.Globalization;
using System.Text;

namespace Ticker;

/// <summary>How the store's values are written to PostgreSQL parameters.</summary>
internal static class PostgreSqlValues
{
    /// <summary>UTC for any kind, as <c>timestamptz</c> parameters need: Local is converted, Unspecified is taken as
    /// UTC already.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary><see cref="Utc(DateTime)"/> of a value that may be missing.</summary>
    public static DateTime? Utc(DateTime? value) => value is { } time ? Utc(time) : null;

    /// <summary>Retry intervals as a PostgreSQL array literal (<c>{5,30}</c>), cast to <c>integer[]</c> in SQL, so a
    /// batch can carry one list per row in a <c>text[]</c> parameter; no list stays <c>NULL</c>.</summary>
    public static string? IntervalsLiteral(int[]? intervals)
    {
        if (intervals is null)
        {
            return null;
        }

        var text = new StringBuilder("{", 2 + (intervals.Length * 4));
        for (var i = 0; i < intervals.Length; i++)
        {
            text.Append(i == 0 ? null : ",").Append(intervals[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append('}').ToString();
    }

    /// <summary>The payload prefix of a cancel request; the ticker id follows.</summary>
    public const string CancelPrefix = "cancel:";

    /// <summary>The ticker id of a cancel request's payload.</summary>
    public static bool TryParseCancel(string payload, out Guid tickerId)
    {
        tickerId = Guid.Empty;

        return payload.StartsWith(CancelPrefix, StringComparison.Ordinal)
            && Guid.TryParse(payload.AsSpan(CancelPrefix.Length), out tickerId);
    }

    /// <summary>The payload prefix of a cron change; the origin id of the writing store follows.</summary>
    public const string CronChangePrefix = "cron:";

    /// <summary>The writing store's origin id of a cron change's payload.</summary>
    public static bool TryParseCronChange(string payload, out Guid origin)
    {
        origin = Guid.Empty;

        return payload.StartsWith(CronChangePrefix, StringComparison.Ordinal)
            && Guid.TryParse(payload.AsSpan(CronChangePrefix.Length), out origin);
    }

    /// <summary>A time from a notification payload: microseconds since the Unix epoch.</summary>
    public static bool TryParsePayload(string payload, out DateTime due)
    {
        if (long.TryParse(payload, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            && micros is > -62_135_596_800_000_000 and < 253_402_300_800_000_000)
        {
            due = DateTime.UnixEpoch.AddTicks(micros * 10);

            return true;
        }

        due = default;

        return false;
    }
}
