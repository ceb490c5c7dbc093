namespace Ticker;

/// <summary>Retries a store call with doubling delays, capped by <see cref="TickerOptions.MaxStoreRetryDelay"/>,
/// until it succeeds or the caller gives up.</summary>
internal sealed class StoreBackoff(TickerOptions options, TimeProvider time)
{
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromMilliseconds(100);

    public async Task<T> RetryAsync<T>(
        Func<CancellationToken, Task<T>> call,
        Action<TimeSpan, Exception> onFailure,
        CancellationToken cancellationToken)
    {
        var delay = s_firstDelay;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                onFailure(delay, exception);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxStoreRetryDelay.Ticks));
        }
    }
}
