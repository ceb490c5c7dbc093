using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ticker;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on the store's channel while anyone is subscribed, and passes each
/// notification on: a due time to the due subscribers, a cancel request (<c>cancel:</c> and a ticker id) to the cancel
/// subscribers, a cron change (<c>cron:</c> and the writing store's origin id) to the cron subscribers. A lost
/// connection is re-opened with capped back-off; once listening again it reports <see cref="DateTime.MinValue"/>
/// ("look now") to the due subscribers and <see cref="Guid.Empty"/> (an unknown writer) to the cron subscribers,
/// since notifications sent meanwhile were lost.
/// </summary>
internal sealed class PostgreSqlNotificationListener : IAsyncDisposable
{
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly NpgsqlDataSource _source;
    private readonly string _channel;
    private readonly string _listen;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxRetryDelay;
    private readonly ILogger _logger;
    private readonly Subscribers<DateTime> _due;
    private readonly Subscribers<Guid> _cancels;
    private readonly Subscribers<Guid> _cronChanges;
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;
    private TimeSpan _retryDelay = s_firstRetryDelay;
    private bool _listenedBefore;

    public PostgreSqlNotificationListener(
        NpgsqlDataSource source,
        string channel,
        TimeProvider clock,
        TimeSpan maxRetryDelay,
        ILogger logger)
    {
        _source = source;
        _channel = channel;
        _listen = "LISTEN " + PostgreSqlIdentifier.Quote(channel, nameof(channel));
        _clock = clock;
        _maxRetryDelay = maxRetryDelay;
        _logger = logger;
        _due = new Subscribers<DateTime>(this);
        _cancels = new Subscribers<Guid>(this);
        _cronChanges = new Subscribers<Guid>(this);
    }

    /// <summary>Adds a subscriber to due times, and starts listening if it is the first subscriber.</summary>
    public IDisposable Subscribe(Action<DateTime> onDue) => _due.Add(onDue);

    /// <summary>Adds a subscriber to cancel requests, and starts listening if it is the first subscriber.</summary>
    public IDisposable SubscribeToCancellations(Action<Guid> onCancel) => _cancels.Add(onCancel);

    /// <summary>Adds a subscriber to cron changes, called with the origin id of the store that wrote them (or
    /// <see cref="Guid.Empty"/> after a gap), and starts listening if it is the first subscriber.</summary>
    public IDisposable SubscribeToCronChanges(Action<Guid> onChanged) => _cronChanges.Add(onChanged);

    /// <summary>Stops listening and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _due.Clear();
            _cancels.Clear();
            _cronChanges.Clear();
            loop = StopListening();
        }

        await loop.ConfigureAwait(false);
    }

    /// <summary>Starts the loop unless it runs; called under the gate.</summary>
    private void StartListening()
    {
        if (_stopping is null)
        {
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => ListenAsync(_stopping.Token));
        }
    }

    /// <summary>Stops the loop once nobody is subscribed; called under the gate.</summary>
    private void StopListeningWhenUnused()
    {
        if (_due.IsEmpty && _cancels.IsEmpty && _cronChanges.IsEmpty)
        {
            _ = StopListening();
        }
    }

    /// <summary>Cancels the loop; called under the gate. Returns the loop so a caller can wait for it.</summary>
    private Task StopListening()
    {
        var loop = _loop;
        _stopping?.Cancel();
        _stopping?.Dispose();
        _stopping = null;

        return loop;
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenOnceAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.ListenFailed(_logger, _channel, _retryDelay, exception);
            }

            await WaitBeforeRetryAsync(stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the connection, listens, reports a possible gap and then waits for notifications until the
    /// connection fails or listening stops.</summary>
    private async Task ListenOnceAsync(CancellationToken stopping)
    {
        var connection = await _source.OpenConnectionAsync(stopping).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += OnNotification;
            var listen = new NpgsqlCommand(_listen, connection);
            await using (listen.ConfigureAwait(false))
            {
                await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
            }

            _retryDelay = s_firstRetryDelay;
            Log.Listening(_logger, _channel);
            _due.Publish(DateTime.MinValue);
            if (_listenedBefore)
            {
                _cronChanges.Publish(Guid.Empty);
            }

            _listenedBefore = true;
            while (true)
            {
                await connection.WaitAsync(stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitBeforeRetryAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(_retryDelay, _clock, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping; the loop ends on its next check.
        }

        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _maxRetryDelay.Ticks));
    }

    /// <summary>A payload that is neither a due time, a cancel request nor a cron change (a <c>NOTIFY</c> sent by
    /// hand, say) is taken as "look now".</summary>
    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel != _channel)
        {
            return;
        }

        if (PostgreSqlValues.TryParseCancel(notification.Payload, out var tickerId))
        {
            _cancels.Publish(tickerId);
        }
        else if (PostgreSqlValues.TryParseCronChange(notification.Payload, out var origin))
        {
            _cronChanges.Publish(origin);
        }
        else
        {
            _due.Publish(PostgreSqlValues.TryParsePayload(notification.Payload, out var due) ? due : DateTime.MinValue);
        }
    }

    /// <summary>The subscribers of one kind of notification. Adding the first subscriber of any kind starts listening
    /// and removing the last one stops it.</summary>
    private sealed class Subscribers<T>(PostgreSqlNotificationListener listener)
    {
        private Action<T>[] _subscribers = [];

        /// <summary>Whether nobody is subscribed; read under the listener's gate.</summary>
        public bool IsEmpty => _subscribers.Length == 0;

        public Subscription Add(Action<T> subscriber)
        {
            ArgumentNullException.ThrowIfNull(subscriber);

            lock (listener._gate)
            {
                _subscribers = [.. _subscribers, subscriber];
                listener.StartListening();
            }

            return new Subscription(() => Remove(subscriber));
        }

        /// <summary>Removes every subscriber; called under the listener's gate.</summary>
        public void Clear() => _subscribers = [];

        public void Publish(T value)
        {
            foreach (var subscriber in Volatile.Read(ref _subscribers))
            {
                try
                {
                    subscriber(value);
                }
                catch (Exception exception)
                {
                    Log.SubscriberFailed(listener._logger, exception);
                }
            }
        }

        private void Remove(Action<T> subscriber)
        {
            lock (listener._gate)
            {
                _subscribers = [.. _subscribers.Where(existing => existing != subscriber)];
                listener.StopListeningWhenUnused();
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
