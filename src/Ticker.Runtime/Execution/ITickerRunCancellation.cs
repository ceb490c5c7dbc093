namespace Ticker;

/// <summary>Cancels a run in progress on this node.</summary>
public interface ITickerRunCancellation
{
    /// <summary>Fires the cancellation token of the ticker's run if it is running here; the run then ends
    /// <see cref="TickerStatus.Cancelled"/> and is not retried. Returns whether a run was found.</summary>
    bool TryCancel(Guid tickerId);
}
