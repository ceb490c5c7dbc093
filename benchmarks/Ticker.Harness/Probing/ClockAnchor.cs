using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>
/// One instant read on both clocks: the wall clock the schedulers compare due times with, and the monotonic
/// <see cref="Stopwatch"/> clock the harness measures with. Due times are computed from <see cref="Utc"/>; a start is
/// measured as its Stopwatch distance from <see cref="Timestamp"/>.
/// </summary>
internal readonly record struct ClockAnchor(DateTime Utc, long Timestamp)
{
    /// <summary>Reads both clocks several times and keeps the pair read closest together.</summary>
    public static ClockAnchor Take()
    {
        var best = default(ClockAnchor);
        var bestGap = long.MaxValue;
        for (var i = 0; i < 16; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var utc = DateTime.UtcNow;
            var after = Stopwatch.GetTimestamp();
            if (after - before < bestGap)
            {
                bestGap = after - before;
                best = new ClockAnchor(utc, before + ((after - before) / 2));
            }
        }

        return best;
    }

    /// <summary>Milliseconds from this anchor to a Stopwatch timestamp.</summary>
    public double MillisecondsTo(long timestamp) =>
        (timestamp - Timestamp) * 1000.0 / Stopwatch.Frequency;

    /// <summary>How far the wall clock moved against the Stopwatch clock between two anchors, in milliseconds
    /// (positive when the wall clock ran fast).</summary>
    public double DriftMillisecondsUntil(ClockAnchor later) =>
        (later.Utc - Utc).TotalMilliseconds - MillisecondsTo(later.Timestamp);
}
