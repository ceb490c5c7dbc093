namespace Ticker;

/// <summary>How long a failed ticker waits before its next attempt.</summary>
internal static class RetryPolicy
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(30);

    /// <summary>The delay before retry number <paramref name="attempt"/> (zero-based): the interval at that position,
    /// the last one repeating once the list runs out.</summary>
    public static TimeSpan DelayFor(int[]? intervals, int attempt)
    {
        if (intervals is null || intervals.Length == 0)
        {
            return DefaultDelay;
        }

        return TimeSpan.FromSeconds(intervals[Math.Min(attempt, intervals.Length - 1)]);
    }
}
