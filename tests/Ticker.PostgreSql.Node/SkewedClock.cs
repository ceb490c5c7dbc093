namespace Ticker.PostgreSql.Node;

/// <summary>The system clock, shifted: a node whose clock is wrong by <paramref name="skew"/>. Timers and elapsed time
/// are unaffected, as on a real machine with a wrong wall clock.</summary>
internal sealed class SkewedClock(TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
}
