namespace Ticker;

/// <summary>
/// Implemented by a store that can tell a node when another process wrote work, as the PostgreSQL store does with
/// <c>LISTEN/NOTIFY</c>. While the host runs, Ticker subscribes and wakes its scheduler on every notification, so a
/// ticker added on another node starts on time without the node polling the store.
/// </summary>
public interface ITickerStoreNotifications
{
    /// <summary>
    /// Starts calling <paramref name="onDue"/> with the earliest execution time (UTC) of tickers that were added or
    /// became due in the store, or with <see cref="DateTime.MinValue"/> when notifications may have been missed (when
    /// listening starts or resumes after a lost connection), meaning "look at the store now".
    /// </summary>
    /// <param name="onDue">Called on a background thread; it must return quickly and not throw.</param>
    /// <returns>Stops the calls when disposed.</returns>
    IDisposable Subscribe(Action<DateTime> onDue);
}
