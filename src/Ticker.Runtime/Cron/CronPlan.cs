using Cronos;

namespace Ticker;

/// <summary>What the planner knows about one enabled cron: its definition, parsed, and the latest occurrence time it
/// has materialized. When that time arrives, the planner materializes the following one.</summary>
internal sealed class CronPlan
{
    private CronPlan(CronTickerRecord cron, CronExpression expression, TimeZoneInfo zone)
    {
        Cron = cron;
        Expression = expression;
        Zone = zone;
    }

    /// <summary>The definition as last read.</summary>
    public CronTickerRecord Cron { get; }

    /// <summary>The parsed expression.</summary>
    public CronExpression Expression { get; }

    /// <summary>The zone the expression is read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The latest scheduled occurrence that exists as a row, or <see langword="null"/> when the expression
    /// never fires again.</summary>
    public DateTime? Planned { get; set; }

    /// <summary>A plan for <paramref name="cron"/>, or <see langword="null"/> with the reason when its expression or
    /// zone cannot be read here.</summary>
    public static CronPlan? TryCreate(CronTickerRecord cron, out string? error)
    {
        if (!CronExpressions.TryParse(cron.Expression, out var expression, out error))
        {
            return null;
        }

        if (!CronExpressions.TryResolveZone(cron.TimeZone, out var zone))
        {
            error = $"the time zone '{cron.TimeZone}' is not known on this machine.";

            return null;
        }

        return new CronPlan(cron, expression, zone);
    }

    /// <summary>Whether <paramref name="stored"/> is the definition this plan was made from. Every field is compared, not
    /// only <see cref="CronTickerRecord.UpdatedAt"/>, as two changes may share a clock reading. Times are compared to
    /// the microsecond, the precision of PostgreSQL's timestamps, because a plan made from the record a manager just
    /// wrote holds the clock's full ticks while the store gives back the rounded time.</summary>
    public bool Matches(CronTickerRecord stored) =>
        ToMicroseconds(stored.UpdatedAt) == ToMicroseconds(Cron.UpdatedAt)
        && stored.IsEnabled == Cron.IsEnabled
        && (stored.Function, stored.Expression, stored.TimeZone, stored.Description)
            == (Cron.Function, Cron.Expression, Cron.TimeZone, Cron.Description)
        && (stored.Retries, stored.Misfire, stored.Overlap) == (Cron.Retries, Cron.Misfire, Cron.Overlap)
        && (stored.Request ?? []).AsSpan().SequenceEqual(Cron.Request)
        && (stored.RetryIntervals ?? []).AsSpan().SequenceEqual(Cron.RetryIntervals);

    private static long ToMicroseconds(DateTime time) => time.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>The first occurrence strictly after <paramref name="utc"/>.</summary>
    public DateTime? NextAfter(DateTime utc) => Expression.GetNextOccurrence(utc, Zone);

    /// <summary>The latest <paramref name="cap"/> occurrences in (<paramref name="after"/>, <paramref name="upTo"/>],
    /// oldest first. Windows ending at <paramref name="upTo"/> grow fourfold until they hold enough, so a long gap
    /// costs about as much as the cap, not as the number of occurrences in it.</summary>
    public List<DateTime> LatestBetween(DateTime after, DateTime upTo, int cap)
    {
        var span = TimeSpan.FromMinutes(1);
        while (span < upTo - after)
        {
            var window = Between(upTo - span, upTo, cap);
            if (window.Count >= cap)
            {
                return window;
            }

            span *= 4;
        }

        return after >= upTo ? [] : Between(after, upTo, cap);
    }

    private List<DateTime> Between(DateTime after, DateTime upTo, int cap)
    {
        var latest = new Queue<DateTime>();
        var from = after;
        while (NextAfter(from) is { } next && next <= upTo)
        {
            latest.Enqueue(next);
            if (latest.Count > cap)
            {
                latest.Dequeue();
            }

            from = next;
        }

        return [.. latest];
    }
}
