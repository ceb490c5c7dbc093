using Microsoft.Extensions.Hosting;

namespace Ticker;

/// <summary>While the node runs, passes every cancel request sent through
/// <see cref="PostgreSqlTickerStore.RequestCancelAsync"/> on any node to this node's runs, which cancel the run if it
/// is here and ignore it otherwise.</summary>
internal sealed class PostgreSqlCancellationForwarder(PostgreSqlTickerStore store, ITickerRunCancellation runs)
    : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = store.SubscribeToCancellations(tickerId => runs.TryCancel(tickerId));

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
