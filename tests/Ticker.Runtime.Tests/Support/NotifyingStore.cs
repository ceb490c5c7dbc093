namespace Ticker.Tests.Support;

/// <summary>A real store that also reports notifications the test raises, as a store shared with other processes
/// would.</summary>
internal sealed class NotifyingStore(ITickerStore inner) : DelegatingStore(inner), ITickerStoreNotifications
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
