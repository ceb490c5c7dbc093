using Cronos;

namespace Ticker.Tests.Cron;

/// <summary>
/// The planner and the preview against Cronos over eleven years of every daylight-saving transition in zones with
/// different rules: whole-hour shifts in both hemispheres, Lord Howe's 30-minute shift, Mexico City, which abolished
/// daylight saving after its fall-back of October 2022 (so the span holds its last six transitions and then none),
/// and Tokyo, which has none.
/// </summary>
public sealed class DaylightSavingTests
{
    private static readonly DateTime s_from = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_to = new(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string> ZonesAndExpressions()
    {
        var data = new TheoryData<string, string>();
        foreach (var zone in new[]
            { "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Mexico_City", "Asia/Tokyo" })
        {
            foreach (var expression in new[] { "0 30 2 * * *", "0 45 1 * * *", "0 15 2 * * *", "0 */30 * * * *",
                "*/30 * * * *", "0 0 * * *", "0 30 2 ? * SUN" })
            {
                data.Add(zone, expression);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ZonesAndExpressions))]
    public void The_planner_materializes_exactly_the_occurrences_Cronos_defines(string zone, string expression)
    {
        var expected = Cronos(expression, zone);

        var planned = PlannedBetween(expression, zone);

        Assert.Equal(expected, planned);
        Assert.Equal(planned.Count, planned.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ZonesAndExpressions))]
    public void The_preview_lists_exactly_the_occurrences_Cronos_defines(string zone, string expression)
    {
        var expected = Cronos(expression, zone);

        var preview = CronSchedule.Preview(expression, zone, s_from.AddTicks(-1), expected.Count + 1);

        Assert.Equal(expected, preview.Take(expected.Count).Select(occurrence => occurrence.Utc));
    }

    [Theory]
    [InlineData("Europe/Berlin", "0 30 2 * * *")]
    [InlineData("Europe/Berlin", "0 30 1 * * *")]
    [InlineData("America/New_York", "0 30 2 * * *")]
    [InlineData("America/New_York", "0 30 1 * * *")]
    [InlineData("Australia/Lord_Howe", "0 15 2 * * *")]
    [InlineData("Australia/Lord_Howe", "0 45 1 * * *")]
    [InlineData("America/Mexico_City", "0 30 2 * * *")]
    [InlineData("America/Mexico_City", "0 30 1 * * *")]
    [InlineData("Asia/Tokyo", "0 30 2 * * *")]
    public void A_fixed_time_fires_once_on_every_local_day(string zoneId, string expression)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var days = PlannedBetween(expression, zoneId)
            .Select(utc => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone)))
            .ToList();

        var first = days[0];
        var expected = Enumerable.Range(0, days.Count).Select(first.AddDays);
        Assert.Equal(expected, days);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("America/Mexico_City")]
    [InlineData("Asia/Tokyo")]
    public void An_interval_fires_every_15_minutes_in_UTC_through_every_transition(string zone)
    {
        var planned = PlannedBetween("0 */15 * * * *", zone);

        var gaps = planned.Zip(planned.Skip(1), (earlier, later) => later - earlier).Distinct();

        Assert.Equal([TimeSpan.FromMinutes(15)], gaps);
    }

    [Theory]
    [InlineData("Europe/Berlin", 22)]
    [InlineData("America/New_York", 22)]
    [InlineData("Australia/Lord_Howe", 22)]
    [InlineData("America/Mexico_City", 6)]
    [InlineData("Asia/Tokyo", 0)]
    public void The_span_covers_every_transition_of_the_zone(string zoneId, int transitions)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var changes = PlannedBetween("0 0 * * * *", zoneId)
            .Select(utc => zone.GetUtcOffset(utc))
            .Aggregate((Count: 0, Last: (TimeSpan?)null), (seen, offset) =>
                (seen.Last is { } last && last != offset ? seen.Count + 1 : seen.Count, offset));

        Assert.Equal(transitions, changes.Count);
    }

    [Theory]
    [InlineData("Europe/Berlin", "0 30 2 * * *", 11, "03:00")]
    [InlineData("America/New_York", "0 30 2 * * *", 11, "03:00")]
    [InlineData("Australia/Lord_Howe", "0 15 2 * * *", 11, "02:30")]
    [InlineData("America/Mexico_City", "0 30 2 * * *", 3, "03:00")]
    [InlineData("Asia/Tokyo", "0 30 2 * * *", 0, "")]
    public void The_preview_flags_the_occurrences_moved_out_of_a_spring_forward_gap(
        string zone,
        string expression,
        int springForwards,
        string movedTo)
    {
        var preview = CronSchedule.Preview(expression, zone, s_from, Cronos(expression, zone).Count);

        var moved = preview.Where(occurrence => occurrence.MovedByDaylightSaving).ToList();

        Assert.Equal(springForwards, moved.Count);
        Assert.All(moved, occurrence => Assert.Equal(movedTo, occurrence.Local.ToString("HH:mm", null)));
    }

    [Fact]
    public void After_Mexico_City_abolished_daylight_saving_its_local_times_keep_one_offset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
        var abolished = new DateTime(2022, 10, 30, 7, 0, 0, DateTimeKind.Utc);

        var offsets = PlannedBetween("0 30 2 * * *", "America/Mexico_City")
            .Where(utc => utc >= abolished)
            .Select(utc => zone.GetUtcOffset(utc))
            .Distinct();

        Assert.Equal([TimeSpan.FromHours(-6)], offsets);
    }

    [Fact]
    public void The_preview_flags_nothing_in_a_fall_back_hour()
    {
        var fallBack = new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc);

        var preview = CronSchedule.Preview("0 */30 * * * *", "Europe/Berlin", fallBack, 12);

        Assert.DoesNotContain(preview, occurrence => occurrence.MovedByDaylightSaving);
        Assert.Equal(12, preview.Select(occurrence => occurrence.Utc).Distinct().Count());
    }

    /// <summary>What Cronos itself defines for the span.</summary>
    private static List<DateTime> Cronos(string expression, string zone) =>
        CronExpressions.Parse(expression)
            .GetOccurrences(s_from, s_to, TimeZoneInfo.FindSystemTimeZoneById(zone), fromInclusive: true)
            .ToList();

    /// <summary>Runs the planner's steps over the span as a node that never stops would: start just before the span,
    /// then advance each time the materialized occurrence comes due.</summary>
    private static List<DateTime> PlannedBetween(string expression, string zone)
    {
        var cron = new CronTickerRecord
        {
            Id = Guid.NewGuid(), Function = "F", Expression = expression, TimeZone = zone,
            CreatedAt = s_from.AddTicks(-1), UpdatedAt = s_from.AddTicks(-1),
        };
        var plan = CronPlan.TryCreate(cron, out _)!;
        var rows = new List<TickerRecord>();
        CronPlanning.Start(plan, null, s_from.AddTicks(-1), rows);
        while (plan.Planned is { } due && due < s_to)
        {
            CronPlanning.Advance(plan, due, rows);
        }

        return rows.Select(row => row.CronTime!.Value).Where(time => time < s_to).ToList();
    }
}
