using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ticker.Tests.Support;

namespace Ticker.Tests.Diagnostics;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_run_has_its_own_span_linked_to_the_span_that_added_the_ticker()
    {
        using var source = new ActivitySource("Test.Caller");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is TickerTelemetry.SourceName or "Test.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Noop("Job")));

        TickerRecord ticker;
        ActivityTraceId callerTrace;
        using (var caller = source.StartActivity("register-user"))
        {
            callerTrace = caller!.TraceId;
            ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job" });
        }

        await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        bool IsRun(Activity span) => span.GetTagItem("ticker.id") is Guid id && id == ticker.Id;
        await Eventually.TrueAsync(() => spans.Any(IsRun), "the run span");

        var run = spans.Single(IsRun);
        Assert.Equal("ticker.run Job", run.DisplayName);
        Assert.Equal(callerTrace, Assert.Single(run.Links).Context.TraceId);
        Assert.Equal(ticker.Id, run.GetTagItem("ticker.id"));
        Assert.Equal("Done", run.GetTagItem("ticker.status"));
    }

    [Fact]
    public async Task Queue_depth_counts_claimed_tickers_waiting_for_their_due_time()
    {
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Noop("Job")));
        await host.AddAsync(new TimeTickerEntity { Function = "Job", ExecutionTime = host.Now.AddMilliseconds(80) });
        await host.AddAsync(new TimeTickerEntity { Function = "Job", ExecutionTime = host.Now.AddMilliseconds(90) });
        await host.AdvanceAsync(TimeSpan.FromMilliseconds(50));

        await Eventually.TrueAsync(() => ObserveQueueDepth() >= 2, "two claimed tickers in the queue depth");
    }

    private static int ObserveQueueDepth()
    {
        var depth = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TickerTelemetry.SourceName && instrument.Name == "ticker.queue.depth")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => depth = value);
        listener.Start();
        listener.RecordObservableInstruments();

        return depth;
    }

    [Fact]
    public async Task Runs_failures_retries_and_lateness_are_measured()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TickerTelemetry.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Collect(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Collect(i, v, tags));
        listener.Start();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Throwing("MeteredJob", _ => true)));

        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "MeteredJob", Retries = 1, RetryIntervals = [1] });
        await Eventually.TrueAsync(
            async () => (await host.GetAsync(ticker.Id)).RetryCount == 1, () => Task.FromResult("the retry"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        await host.WaitForStatusAsync(ticker.Id, TickerStatus.Failed);

        void Collect(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "ticker.function", Value: "MeteredJob" })
                {
                    measurements.Enqueue((instrument.Name, value));
                }
            }
        }

        var names = measurements.Select(m => m.Name).ToList();
        Assert.Equal(2, names.Count(n => n == "ticker.runs"));
        Assert.Equal(1, names.Count(n => n == "ticker.retries"));
        Assert.Equal(1, names.Count(n => n == "ticker.failures"));
        Assert.Equal(2, names.Count(n => n == "ticker.run.lateness"));
        Assert.Equal(2, names.Count(n => n == "ticker.run.duration"));
    }
}
