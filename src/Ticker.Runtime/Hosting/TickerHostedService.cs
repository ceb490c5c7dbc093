using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// Starts and stops a node: the store's schema, the workers, the scheduler loop, lease renewal and the outcome writer.
/// Stopping cancels running work and releases every claim that did not finish, without counting an attempt.
/// </summary>
internal sealed class TickerHostedService(
    ITickerStore store,
    TickerFunctionTable functions,
    TickerScheduler scheduler,
    DueTimer dueTimer,
    TickerExecutor executor,
    LeaseKeeper leaseKeeper,
    CompletionWriter completions,
    TickerOptions options,
    ILogger<TickerHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private Task _loops = Task.CompletedTask;
    private Task _writer = Task.CompletedTask;
    private IDisposable? _queueDepth;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _writer = completions.RunAsync(_abandon.Token);
        executor.Start();
        _loops = Task.WhenAll(
            RunLoopAsync(scheduler.RunAsync),
            RunLoopAsync(dueTimer.RunAsync),
            leaseKeeper.RunAsync(_stopping.Token));
        _queueDepth = TickerTelemetry.TrackQueueDepth(() => dueTimer.Count + executor.Waiting);
        Log.NodeStarted(logger, options.NodeId, functions.All.Count());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        var released = await executor.StopAsync().ConfigureAwait(false);
        foreach (var record in dueTimer.Drain())
        {
            completions.Post(Outcomes.Released(record));
            released++;
        }

        _queueDepth?.Dispose();
        completions.Complete();
        using var giveUp = cancellationToken.Register(_abandon.Cancel);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // The host gave up waiting; unwritten outcomes are recovered when their leases expire.
        }

        Log.NodeStopped(logger, options.NodeId, released);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandon.Dispose();
        _queueDepth?.Dispose();
    }

    private async Task RunLoopAsync(Func<CancellationToken, Task> loop)
    {
        try
        {
            await Task.Yield();
            await loop(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: unstarted claims are released by StopAsync.
        }
    }
}
