using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ticker;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on the store's channel while anyone is subscribed, and passes each
/// notification's due time to the subscribers. A lost connection is re-opened with capped back-off; once listening
/// again it reports <see cref="DateTime.MinValue"/> ("look now"), since notifications sent meanwhile were lost.
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

    /// <summary>Adds a subscriber, and starts listening if it is the first.</summary>
    public IDisposable Subscribe(Action<DateTime> onDue)
    {
        ArgumentNullException.ThrowIfNull(onDue);

        lock (_gate)
        {
            _subscribers = [.. _subscribers, onDue];
            if (_stopping is null)
            {
                _stopping = new CancellationTokenSource();
                _loop = Task.Run(() => ListenAsync(_stopping.Token));
            }
        }

        return new Subscription(this, onDue);
    }

    /// <summary>Stops listening and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _subscribers = [];
            loop = StopListening();
        }

        await loop.ConfigureAwait(false);
    }

    private void Unsubscribe(Action<DateTime> onDue)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(subscriber => subscriber != onDue)];
            if (_subscribers.Length == 0)
            {
                _ = StopListening();
            }
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

    /// <summary>A payload that is not a due time (a <c>NOTIFY</c> sent by hand, say) is taken as "look now".</summary>
    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (notification.Channel != _channel)
        {
            return;
        }

        Publish(PostgreSqlValues.TryParsePayload(notification.Payload, out var due) ? due : DateTime.MinValue);
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

    private sealed class Subscription(PostgreSqlNotificationListener listener, Action<DateTime> onDue) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                listener.Unsubscribe(onDue);
            }
        }
    }
}
