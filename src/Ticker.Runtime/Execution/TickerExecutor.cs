using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// Runs due tickers on a fixed number of workers, each awaiting one run at a time, so the limit holds for async work
/// too. Every run gets its own DI scope and a token that fires on shutdown or on a cancel request.
/// </summary>
internal sealed class TickerExecutor(
    IServiceScopeFactory scopes,
    TickerOptions options,
    TimeProvider time,
    CompletionWriter completions,
    ILogger<TickerExecutor> logger) : ITickerRunCancellation, IDisposable
{
    private readonly ReadyQueue _ready = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _workers = [];

    /// <summary>How many due runs wait for a worker.</summary>
    public int Waiting => _ready.Count;

    /// <summary>How many runs are in progress.</summary>
    public int Running => _running.Count;

    public void Start()
    {
        _workers = Enumerable.Range(0, options.MaxConcurrency)
            .Select(_ => Task.Run(WorkAsync))
            .ToArray();
    }

    public void Enqueue(PendingRun run) => _ready.Enqueue(run);

    public bool TryCancel(Guid tickerId)
    {
        if (!_running.TryGetValue(tickerId, out var run))
        {
            return false;
        }

        run.Cancel();

        return true;
    }

    /// <summary>Cancels running work, waits for the workers and releases every claim that did not run.</summary>
    public async Task<int> StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        var unstarted = _ready.Drain();
        foreach (var run in unstarted)
        {
            completions.Post(Outcomes.Released(run.Record));
        }

        return unstarted.Count;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _ready.Dispose();
    }

    private async Task WorkAsync()
    {
        while (await _ready.TakeAsync(_stopping.Token).ConfigureAwait(false) is { } run)
        {
            try
            {
                completions.Post(await RunAsync(run).ConfigureAwait(false));
            }
            finally
            {
                _ready.Finished(run.Record.Function);
            }
        }
    }

    private async Task<TickerCompletion> RunAsync(PendingRun run)
    {
        var record = run.Record;
        var startedAt = time.GetUtcNow().UtcDateTime;
        var lateness = startedAt - record.ExecutionTime;
        var tag = FunctionTag(record);
        TickerTelemetry.Runs.Add(1, tag);
        TickerTelemetry.Lateness.Record(lateness.TotalMilliseconds, tag);
        Log.RunStarted(logger, record.Id, record.Function, lateness.TotalMilliseconds);
        if (run.Function is null)
        {
            return Impossible(record, startedAt, $"no ticker function named '{record.Function}' is registered in this "
                + "process.");
        }

        // A failing run never takes RetryCount past Retries; only runs lost with their nodes do.
        if (record.RetryCount > record.Retries + options.MaxLostRuns)
        {
            return Abandoned(record, startedAt);
        }

        using var activity = TickerTelemetry.StartRun(record);
        var started = time.GetTimestamp();
        var outcome = await InvokeAsync(run.Function, record, startedAt, lateness).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        TickerTelemetry.Duration.Record(elapsed.TotalMilliseconds, tag);
        activity?.SetTag("ticker.status", outcome.Status.ToString());
        Log.RunEnded(logger, record.Id, record.Function, outcome.Status);

        return outcome with { ElapsedMilliseconds = (long)elapsed.TotalMilliseconds };
    }

    private async Task<TickerCompletion> InvokeAsync(
        TickerFunctionDescriptor function,
        TickerRecord record,
        DateTime startedAt,
        TimeSpan lateness)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _running[record.Id] = cancellation;
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var context = new TickerFunctionContext(
                record.Id, record.Function, record.RetryCount, record.ExecutionTime, record.Request,
                scope.ServiceProvider, cancellation.Token);
            await function.Invoke(context, cancellation.Token).ConfigureAwait(false);

            return Outcomes.Succeeded(record, startedAt, lateness > options.DueLateThreshold);
        }
        catch (TickerRequestException exception)
        {
            return Impossible(record, startedAt, exception.Message);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return Outcomes.Released(record);
        }
        catch (OperationCanceledException exception)
        {
            return Outcomes.Cancelled(record, startedAt, exception);
        }
        catch (Exception exception)
        {
            return Failed(record, startedAt, exception);
        }
        finally
        {
            _running.TryRemove(record.Id, out _);
        }
    }

    private TickerCompletion Failed(TickerRecord record, DateTime startedAt, Exception exception)
    {
        Log.RunFailed(logger, record.Id, record.Function, record.RetryCount + 1, record.Retries + 1, exception);
        if (record.RetryCount >= record.Retries)
        {
            TickerTelemetry.Failures.Add(1, FunctionTag(record));

            return Outcomes.Failed(record, startedAt, exception.ToString());
        }

        TickerTelemetry.Retries.Add(1, FunctionTag(record));
        var retryAt = time.GetUtcNow().UtcDateTime + RetryPolicy.DelayFor(record.RetryIntervals, record.RetryCount);

        return Outcomes.Retry(record, startedAt, retryAt, exception.ToString());
    }

    private TickerCompletion Abandoned(TickerRecord record, DateTime startedAt)
    {
        var lost = record.RetryCount - record.Retries;
        Log.RunAbandoned(logger, record.Id, record.Function, lost);
        TickerTelemetry.Failures.Add(1, FunctionTag(record));

        return Outcomes.Failed(record, startedAt, $"{lost} runs of this ticker beyond its {record.Retries} retries "
            + "were lost with the node that ran them (a crash, a kill or a lease that ran out), more than MaxLostRuns "
            + $"({options.MaxLostRuns}) allows; it is not run again, in case it is what stops its nodes.");
    }

    private TickerCompletion Impossible(TickerRecord record, DateTime startedAt, string reason)
    {
        Log.RunImpossible(logger, record.Id, reason);
        TickerTelemetry.Failures.Add(1, FunctionTag(record));

        return Outcomes.Failed(record, startedAt, $"{typeof(TickerRequestException).FullName}: {reason}");
    }

    private static KeyValuePair<string, object?> FunctionTag(TickerRecord record) =>
        new("ticker.function", record.Function);
}
