using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>Renews this node's leases every third of their length while it holds any, so long runs keep them.
/// Holding nothing, it sends no query.</summary>
internal sealed class LeaseKeeper(
    ITickerStore store,
    HeldLeases held,
    TickerOptions options,
    TimeProvider time,
    ILogger<LeaseKeeper> logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.LeaseLength / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                await RenewAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping; leases still held are released by the executor.
        }
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        if (held.Count == 0)
        {
            return;
        }

        var leases = held.Snapshot();
        try
        {
            var renewed = await store.RenewLeasesAsync(options.NodeId, leases, options.LeaseLength, stopping)
                .ConfigureAwait(false);
            if (renewed < leases.Count)
            {
                Log.LeasesLost(logger, leases.Count - renewed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.LeaseRenewalFailed(logger, exception);
        }
    }
}
