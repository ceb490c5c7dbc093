using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ticker;

/// <summary>The names under which Ticker publishes traces and metrics.</summary>
public static class TickerTelemetry
{
    /// <summary>The name of Ticker's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string SourceName = "Ticker";

    internal static readonly ActivitySource Activities = new(SourceName);

    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Runs = Meter.CreateCounter<long>("ticker.runs", "{run}", "Runs started.");

    internal static readonly Counter<long> Failures =
        Meter.CreateCounter<long>("ticker.failures", "{run}", "Runs that ended Failed.");

    internal static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("ticker.retries", "{run}", "Failed runs put back for another attempt.");

    internal static readonly Histogram<double> Lateness =
        Meter.CreateHistogram<double>("ticker.run.lateness", "ms", "Start of a run minus its due time.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("ticker.run.duration", "ms", "How long runs took.");

    private static readonly ConcurrentDictionary<object, Func<int>> s_queueDepthSources = new();

    internal static readonly ObservableGauge<int> QueueDepth = Meter.CreateObservableGauge(
        "ticker.queue.depth",
        () => s_queueDepthSources.Values.Sum(source => source()),
        "{ticker}",
        "Tickers this process has claimed and not yet started.");

    /// <summary>Adds a node's waiting work to the queue-depth gauge until the returned handle is disposed.</summary>
    internal static IDisposable TrackQueueDepth(Func<int> source)
    {
        var key = new object();
        s_queueDepthSources[key] = source;

        return new QueueDepthRegistration(key);
    }

    /// <summary>Starts the span of one run, linked to the span that added the ticker.</summary>
    internal static Activity? StartRun(TickerRecord record)
    {
        if (!Activities.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = null;
        if (record.TraceParent is { } traceParent
            && ActivityContext.TryParse(traceParent, null, out var addedBy))
        {
            links = [new ActivityLink(addedBy)];
        }

        var activity = Activities.StartActivity(
            ActivityKind.Internal, parentContext: default, tags: null, links: links, name: "ticker.run " + record.Function);
        activity?.SetTag("ticker.id", record.Id);
        activity?.SetTag("ticker.function", record.Function);
        activity?.SetTag("ticker.retry_count", record.RetryCount);

        return activity;
    }

    private sealed class QueueDepthRegistration(object key) : IDisposable
    {
        public void Dispose() => s_queueDepthSources.TryRemove(key, out _);
    }
}
