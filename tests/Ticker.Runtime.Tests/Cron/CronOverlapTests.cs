using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>Overlap policies on a host: a per-second cron whose first run blocks until the test lets it end.</summary>
public sealed class CronOverlapTests
{
    private static readonly DateTime s_start = TickerTestHost.Start.UtcDateTime;

    [Fact]
    public async Task Skip_records_the_occurrences_due_while_the_previous_one_runs_as_skipped()
    {
        var slow = new SlowFunction();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(slow.Descriptor));
        var cron = await host.AddCronAsync(new CronTickerEntity
        {
            Function = "Slow", Expression = "* * * * * *", Overlap = CronOverlapPolicy.Skip,
        });
        await host.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => slow.Started.Count == 1, "the first run to start");

        await host.AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await Skipped(host, cron.Id)).Count == 3,
            () => Task.FromResult("three skipped occurrences"));
        slow.Release();
        await Eventually.TrueAsync(
            async () => (await host.OccurrencesAsync(cron.Id)).Any(row => row.Status == TickerStatus.Done),
            () => Task.FromResult("the slow run to end"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => slow.Started.Count == 2, "the run after the slow one ended");

        Assert.Equal([s_start.AddSeconds(1), s_start.AddSeconds(5)], slow.Started);
        Assert.All(await Skipped(host, cron.Id),
            row => Assert.Equal(CronTickerOccurrence.OverlapSkippedReason, row.ExceptionMessage));
        Assert.Equal(1, slow.MaxRunning);
    }

    [Fact]
    public async Task Wait_runs_the_occurrences_due_meanwhile_one_at_a_time_after_the_previous_one_ends()
    {
        var slow = new SlowFunction();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(slow.Descriptor));
        var cron = await host.AddCronAsync(new CronTickerEntity
        {
            Function = "Slow", Expression = "* * * * * *", Overlap = CronOverlapPolicy.Wait,
        });
        await host.AdvanceAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => slow.Started.Count == 1, "the first run to start");

        await host.AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Single(slow.Started);
        slow.Release();
        await Eventually.TrueAsync(() => slow.Started.Count == 4, "the three waiting runs");

        Assert.Equal(Enumerable.Range(1, 4).Select(second => s_start.AddSeconds(second)), slow.Started);
        Assert.Empty(await Skipped(host, cron.Id));
        Assert.Equal(1, slow.MaxRunning);
    }

    private static async Task<List<CronTickerOccurrence>> Skipped(TickerTestHost host, Guid cronId) =>
        (await host.OccurrencesAsync(cronId)).Where(row => row.Status == TickerStatus.Skipped).ToList();

    /// <summary>A function whose runs block until <see cref="Release"/>, recording how many ran at once.</summary>
    private sealed class SlowFunction
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;
        private int _maxRunning;

        public SlowFunction()
        {
            Descriptor = new TickerFunctionDescriptor("Slow", async (context, _) =>
            {
                var running = Interlocked.Increment(ref _running);
                InterlockedMax(running);
                Started.Enqueue(context.ScheduledFor);
                await _gate.Task;
                Interlocked.Decrement(ref _running);
            });
        }

        public TickerFunctionDescriptor Descriptor { get; }

        public ConcurrentQueue<DateTime> Started { get; } = new();

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public void Release() => _gate.TrySetResult();

        private void InterlockedMax(int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref _maxRunning)) < value
                && Interlocked.CompareExchange(ref _maxRunning, value, seen) != seen)
            {
            }
        }
    }
}
