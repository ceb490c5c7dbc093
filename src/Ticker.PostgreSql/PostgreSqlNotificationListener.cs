using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ticker;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on the store's channel while anyone is subscribed, and passes each
/// notification on: a due time to the due subscribers, a cancel request (<c>cancel:</c> and a ticker id) to the cancel
/// subscribers. A lost connection is re-opened with capped back-off; once listening again it reports
/// <see cref="DateTime.MinValue"/> ("look now") to the due subscribers, since notifications sent meanwhile were lost.
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
    private Action<DateTime>[] _subscribers = [];
    private Action<Guid>[] _cancelSubscribers = [];
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;
    private TimeSpan _retryDelay = s_firstRetryDelay;

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
    }

    /// <summary>Adds a subscriber to due times, and starts listening if it is the first subscriber.</summary>
    public IDisposable Subscribe(Action<DateTime> onDue)
    {
        ArgumentNullException.ThrowIfNull(onDue);

        lock (_gate)
        {
            _subscribers = [.. _subscribers, onDue];
            StartListening();
        }

        return new Subscription(() => Unsubscribe(onDue));
    }

    /// <summary>Adds a subscriber to cancel requests, and starts listening if it is the first subscriber.</summary>
    public IDisposable SubscribeToCancellations(Action<Guid> onCancel)
    {
        ArgumentNullException.ThrowIfNull(onCancel);

        lock (_gate)
        {
            _cancelSubscribers = [.. _cancelSubscribers, onCancel];
            StartListening();
        }

        return new Subscription(() => Unsubscribe(onCancel));
    }

    /// <summary>Stops listening and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _subscribers = [];
            _cancelSubscribers = [];
            loop = StopListening();
        }

        await loop.ConfigureAwait(false);
    }

    private void Unsubscribe(Action<DateTime> onDue)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(subscriber => subscriber != onDue)];
            StopListeningWhenUnused();
        }
    }

    private void Unsubscribe(Action<Guid> onCancel)
    {
        lock (_gate)
        {
            _cancelSubscribers = [.. _cancelSubscribers.Where(subscriber => subscriber != onCancel)];
            StopListeningWhenUnused();
        }
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
        if (_subscribers.Length == 0 && _cancelSubscribers.Length == 0)
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
            Publish(DateTime.MinValue);
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

    /// <summary>A payload that is neither a due time nor a cancel request (a <c>NOTIFY</c> sent by hand, say) is taken
    /// as "look now".</summary>
    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel != _channel)
        {
            return;
        }

        if (PostgreSqlValues.TryParseCancel(notification.Payload, out var tickerId))
        {
            PublishCancel(tickerId);

            return;
        }

        Publish(PostgreSqlValues.TryParsePayload(notification.Payload, out var due) ? due : DateTime.MinValue);
    }

    private void PublishCancel(Guid tickerId)
    {
        foreach (var subscriber in Volatile.Read(ref _cancelSubscribers))
        {
            try
            {
                subscriber(tickerId);
            }
            catch (Exception exception)
            {
                Log.SubscriberFailed(_logger, exception);
            }
        }
    }

    private void Publish(DateTime due)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(due);
            }
            catch (Exception exception)
            {
                Log.SubscriberFailed(_logger, exception);
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
