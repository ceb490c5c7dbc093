namespace Ticker.Generators.Tests.Runtime;

/// <summary>A cron declaration checked by the analyzers in this project's own build (Cronos loaded as an analyzer
/// dependency).</summary>
public static class ScheduledFunctions
{
    [TickerFunction("Tests.WeekdayMorning", "0 0 9 * * MON-FRI")]
    public static void WeekdayMorning()
    {
    }
}
