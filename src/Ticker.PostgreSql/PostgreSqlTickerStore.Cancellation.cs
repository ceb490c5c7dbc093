using NpgsqlTypes;

namespace Ticker;

/// <summary>Cancel requests that reach whichever node runs the ticker.</summary>
public sealed partial class PostgreSqlTickerStore
{
    /// <summary>
    /// Asks the node that runs <paramref name="tickerId"/>, whichever it is, to cancel the run: its cancellation token
    /// fires and the ticker ends <see cref="TickerStatus.Cancelled"/>, without a retry. The request travels as a
    /// <c>NOTIFY</c> on the store's channel to every node that uses <c>UsePostgreSqlStore</c>.
    /// </summary>
    /// <returns>Whether the ticker was in progress, so that the request was sent. A ticker that is claimed but whose
    /// due time has not come yet is not running anywhere, and is not cancelled.</returns>
    public async Task<bool> RequestCancelAsync(Guid tickerId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.RequestCancel);
        await using (command.ConfigureAwait(false))
        {
            command.Add("channel", NpgsqlDbType.Text, NotificationChannel);
            command.Add("payload", NpgsqlDbType.Text, PostgreSqlValues.CancelPrefix + tickerId.ToString("D"));
            command.Add("id", NpgsqlDbType.Uuid, tickerId);

            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long and > 0;
        }
    }

    /// <summary>Calls <paramref name="onCancel"/> with the ticker id of every cancel request any node sends, while the
    /// returned subscription lives.</summary>
    internal IDisposable SubscribeToCancellations(Action<Guid> onCancel) => _listener.SubscribeToCancellations(onCancel);
}
