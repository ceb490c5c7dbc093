using Microsoft.Extensions.Hosting;

namespace Ticker;

/// <summary>
/// Wakes the scheduler when the store reports work written by another process, for stores that implement
/// <see cref="ITickerStoreNotifications"/>. It starts after the node (the store is initialized by then) and stops
/// before it; the store reports a possible gap when it starts listening, so nothing written in between is missed.
/// </summary>
internal sealed class StoreNotificationForwarder(ITickerStore store, SchedulerWakeSignal wakeSignal)
    : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is ITickerStoreNotifications notifications)
        {
            _subscription = notifications.Subscribe(wakeSignal.Notify);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
    }
}
