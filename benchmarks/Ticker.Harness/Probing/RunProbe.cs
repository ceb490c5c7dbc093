using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>
/// What every job of every scheduler calls first: records when job <c>index</c> started, on the high-resolution
/// monotonic clock and on the wall clock, counts distinct jobs and repeats, and completes once every expected job ran.
/// </summary>
internal sealed class RunProbe
{
    private readonly long[] _startTimestamps;
    private readonly long[] _startUtcTicks;
    private readonly int[] _seen;
    private readonly TaskCompletionSource _allRan = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ran;
    private int _repeats;
    private long _lastTimestamp;

    public RunProbe(int expected)
    {
        Expected = expected;
        _startTimestamps = new long[expected];
        _startUtcTicks = new long[expected];
        _seen = new int[expected];
        Current = this;
    }

    /// <summary>The probe of the run in progress, for jobs that can only reach static state (Hangfire's).</summary>
    public static RunProbe? Current { get; private set; }

    public int Expected { get; }

    public int Ran => Volatile.Read(ref _ran);

    /// <summary>Jobs that ran more than once.</summary>
    public int Repeats => Volatile.Read(ref _repeats);

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the last expected job started.</summary>
    public long LastTimestamp => Volatile.Read(ref _lastTimestamp);

    public long StartTimestamp(int index) => _startTimestamps[index];

    public long StartUtcTicks(int index) => _startUtcTicks[index];

    public void Hit(int index)
    {
        var timestamp = Stopwatch.GetTimestamp();
        var utcTicks = DateTime.UtcNow.Ticks;
        if (Interlocked.Exchange(ref _seen[index], 1) == 1)
        {
            Interlocked.Increment(ref _repeats);
            return;
        }

        _startTimestamps[index] = timestamp;
        _startUtcTicks[index] = utcTicks;
        if (Interlocked.Increment(ref _ran) == Expected)
        {
            Volatile.Write(ref _lastTimestamp, timestamp);
            _allRan.TrySetResult();
        }
    }

    /// <summary>Waits until every expected job ran; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAllAsync(TimeSpan timeout)
    {
        try
        {
            await _allRan.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
