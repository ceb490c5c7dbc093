using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>The cron planner's log messages. Event ids 400-499.</summary>
internal static partial class CronLog
{
    [LoggerMessage(400, LogLevel.Information, "The store {Store} does not keep cron tickers (it does not implement "
        + "ICronTickerStore); cron tickers are not planned on this node")]
    public static partial void CronsUnsupported(ILogger logger, string store);

    [LoggerMessage(401, LogLevel.Debug, "Loaded {Count} enabled cron tickers")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(402, LogLevel.Debug, "Planned {Count} cron occurrences")]
    public static partial void Planned(ILogger logger, int count);

    [LoggerMessage(403, LogLevel.Error, "Cron ticker {CronTickerId} ({Function}) cannot be planned: {Reason}")]
    public static partial void Unplannable(ILogger logger, Guid cronTickerId, string function, string reason);

    [LoggerMessage(404, LogLevel.Information, "Cron ticker {CronTickerId} ({Function}) missed {Count} occurrences "
        + "while no node ran; misfire policy {Policy}")]
    public static partial void Misfired(
        ILogger logger, Guid cronTickerId, string function, int count, CronMisfirePolicy policy);

    [LoggerMessage(405, LogLevel.Error, "The cron declared on function {Function} is not valid and is not seeded: "
        + "{Reason}")]
    public static partial void SeedInvalid(ILogger logger, string function, string reason);

    [LoggerMessage(406, LogLevel.Debug, "Seeded the cron of function {Function}")]
    public static partial void Seeded(ILogger logger, string function);
}
