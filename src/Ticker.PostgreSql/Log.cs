using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>The PostgreSQL store's log messages. Event ids 1000-1099.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Migrated Ticker schema {Schema} from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string schema, int from, int to);

    [LoggerMessage(1001, LogLevel.Debug, "Listening for due tickers on channel {Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(1002, LogLevel.Warning,
        "Listening for due tickers on channel {Channel} failed; retrying in {Delay}")]
    public static partial void ListenFailed(ILogger logger, string channel, TimeSpan delay, Exception exception);

    [LoggerMessage(1003, LogLevel.Error, "A subscriber to due-ticker notifications threw")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception);
}
