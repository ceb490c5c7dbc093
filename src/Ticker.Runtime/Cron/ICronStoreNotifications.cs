namespace Ticker;

/// <summary>
/// Implemented by a cron store that can tell a node when another process changed its crons, as the PostgreSQL store
/// does with <c>LISTEN/NOTIFY</c>. While the host runs, the cron planner subscribes and reads every cron again after
/// each call, so a cron added, edited, paused or deleted on one node is planned on every other node at once rather
/// than at the planner's slow safety reload.
/// </summary>
public interface ICronStoreNotifications
{
    /// <summary>
    /// Starts calling <paramref name="onChanged"/> after another process changed crons in the store, and after
    /// notifications may have been missed (when listening resumes after a lost connection). Changes written through
    /// this store instance are not reported back to it.
    /// </summary>
    /// <param name="onChanged">Called on a background thread; it must return quickly and not throw.</param>
    /// <returns>Stops the calls when disposed.</returns>
    IDisposable SubscribeToCronChanges(Action onChanged);
}
