namespace Ticker.Tests.Support;

/// <summary>A real store that also reports notifications the test raises, as a store shared with other processes
/// would.</summary>
internal sealed class NotifyingStore(ITickerStore inner) : ITickerStore, ITickerStoreNotifications
{
    private readonly Lock _gate = new();
    private readonly List<Action<DateTime>> _subscribers = [];

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public IDisposable Subscribe(Action<DateTime> onDue)
    {
        lock (_gate)
        {
            _subscribers.Add(onDue);
        }

        return new Subscription(this, onDue);
    }

    /// <summary>Calls every subscriber, as the store would when another process wrote a ticker due at
    /// <paramref name="due"/>.</summary>
    public void Raise(DateTime due)
    {
        Action<DateTime>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(due);
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.InsertAsync(records, cancellationToken);

    public Task<StoreWriteResult> UpdateIdleAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
        => inner.UpdateIdleAsync(records, cancellationToken);

    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => inner.DeleteAsync(ids, cancellationToken);

    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
        => inner.GetAsync(id, cancellationToken);

    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
        => inner.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
        => inner.ClaimDueAsync(claim, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
        => inner.CompleteAsync(completions, cancellationToken);

    public Task<int> RenewLeasesAsync(
        string owner, IReadOnlyList<TickerLease> leases, TimeSpan leaseLength, CancellationToken cancellationToken)
        => inner.RenewLeasesAsync(owner, leases, leaseLength, cancellationToken);

    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
        => inner.GetNextWakeTimeAsync(cancellationToken);

    private sealed class Subscription(NotifyingStore store, Action<DateTime> onDue) : IDisposable
    {
        public void Dispose()
        {
            lock (store._gate)
            {
                store._subscribers.Remove(onDue);
            }
        }
    }
}
