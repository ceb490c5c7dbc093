namespace Ticker.Sample;

internal static class Clock
{
    private static readonly DateTime s_start = DateTime.UtcNow;

    public static string Stamp() => $"[+{(DateTime.UtcNow - s_start).TotalSeconds,5:0.00}s]";
}
