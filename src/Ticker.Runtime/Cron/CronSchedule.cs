using Cronos;

namespace Ticker;

/// <summary>Reads cron schedules the way the planner does, so that a user can see what a cron will do.</summary>
/// <remarks>
/// Daylight saving follows Cronos. In Europe/Berlin the clock jumps from 02:00 to 03:00 on the last Sunday of March
/// and back from 03:00 to 02:00 on the last Sunday of October. A cron at 02:30 fires at 03:00 on the March day (the
/// moved occurrence this preview flags) and once, at the first 02:30, on the October day. An interval cron such as
/// every 15 minutes fires through both 02:00 to 03:00 hours in October, and skips the hour that does not exist in
/// March, so in UTC it keeps firing every 15 minutes.
/// </remarks>
public static class CronSchedule
{
    /// <summary>The next <paramref name="count"/> occurrences strictly after <paramref name="fromUtc"/>.</summary>
    /// <param name="expression">A five- or six-field Cronos expression.</param>
    /// <param name="timeZone">An IANA or Windows zone id; <see langword="null"/> for UTC.</param>
    /// <param name="fromUtc">The instant to start after; an unspecified kind is taken as UTC.</param>
    /// <param name="count">How many occurrences to return at most (fewer when the expression ends).</param>
    /// <exception cref="FormatException">The expression is not valid.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone is not known on this machine.</exception>
    public static IReadOnlyList<CronOccurrencePreview> Preview(
        string expression,
        string? timeZone,
        DateTime fromUtc,
        int count)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var cron = CronExpressions.Parse(expression.Trim());
        var zone = Zone(timeZone);
        var previews = new List<CronOccurrencePreview>(Math.Min(count, 1024));
        var from = TickerMapper.ToUtc(fromUtc, fromUtc);
        while (previews.Count < count && cron.GetNextOccurrence(from, zone) is { } next)
        {
            previews.Add(Describe(cron, zone, next));
            from = next;
        }

        return previews;
    }

    /// <summary>Whether the wall-clock time of <paramref name="utc"/> in <paramref name="zone"/> is one the expression
    /// names; an occurrence Cronos moved out of a spring-forward gap is not.</summary>
    internal static bool IsMoved(CronExpression cron, TimeZoneInfo zone, DateTime utc)
    {
        var wall = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), DateTimeKind.Utc);

        return cron.GetNextOccurrence(wall.AddTicks(-1), TimeZoneInfo.Utc) != wall;
    }

    private static CronOccurrencePreview Describe(CronExpression cron, TimeZoneInfo zone, DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), zone);

        return new CronOccurrencePreview(utc, local, IsMoved(cron, zone, utc));
    }

    private static TimeZoneInfo Zone(string? timeZone) =>
        CronExpressions.TryResolveZone(timeZone, out var zone)
            ? zone
            : throw new TimeZoneNotFoundException($"The time zone '{timeZone}' is not known on this machine.");
}
