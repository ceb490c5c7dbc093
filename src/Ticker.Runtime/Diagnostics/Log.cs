using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>Ticker's log messages. Event ids: 1-99 hosting, 100-199 scheduling, 200-299 execution, 300-399 store.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Ticker node {NodeId} started with {FunctionCount} functions")]
    public static partial void NodeStarted(ILogger logger, string nodeId, int functionCount);

    [LoggerMessage(2, LogLevel.Information, "Ticker node {NodeId} stopped; released {ReleasedCount} claims")]
    public static partial void NodeStopped(ILogger logger, string nodeId, int releasedCount);

    [LoggerMessage(100, LogLevel.Debug, "Claimed {Count} tickers")]
    public static partial void Claimed(ILogger logger, int count);

    [LoggerMessage(101, LogLevel.Warning, "The store failed; retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(102, LogLevel.Warning, "Renewing leases failed")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(103, LogLevel.Warning, "Lost the lease of {Count} tickers while they ran; their outcome will not "
        + "overwrite a newer claim")]
    public static partial void LeasesLost(ILogger logger, int count);

    [LoggerMessage(200, LogLevel.Debug, "Ticker {TickerId} ({Function}) started {LatenessMs} ms after its due time")]
    public static partial void RunStarted(ILogger logger, Guid tickerId, string function, double latenessMs);

    [LoggerMessage(201, LogLevel.Debug, "Ticker {TickerId} ({Function}) ended {Status}")]
    public static partial void RunEnded(ILogger logger, Guid tickerId, string function, TickerStatus status);

    [LoggerMessage(202, LogLevel.Warning, "Ticker {TickerId} ({Function}) failed; attempt {Attempt} of {Attempts}")]
    public static partial void RunFailed(
        ILogger logger, Guid tickerId, string function, int attempt, int attempts, Exception exception);

    [LoggerMessage(203, LogLevel.Error, "Ticker {TickerId} cannot run: {Reason}")]
    public static partial void RunImpossible(ILogger logger, Guid tickerId, string reason);

    [LoggerMessage(204, LogLevel.Error,
        "Ticker {TickerId} ({Function}) lost {LostRuns} runs with their nodes beyond its retries; it ends Failed")]
    public static partial void RunAbandoned(ILogger logger, Guid tickerId, string function, int lostRuns);

    [LoggerMessage(300, LogLevel.Warning, "Writing {Count} outcomes failed; retrying in {Delay}")]
    public static partial void CompletionFailed(ILogger logger, int count, TimeSpan delay, Exception exception);

    [LoggerMessage(301, LogLevel.Debug, "{Count} outcomes were not written because their lease was taken over")]
    public static partial void CompletionsFenced(ILogger logger, int count);
}
