namespace Ticker;

/// <summary>The completion written for each way a run can end.</summary>
internal static class Outcomes
{
    public static TickerCompletion Succeeded(TickerRecord record, DateTime startedAt, bool late) =>
        Final(record, late ? TickerStatus.DueDone : TickerStatus.Done, startedAt, null);

    public static TickerCompletion Failed(TickerRecord record, DateTime startedAt, string error) =>
        Final(record, TickerStatus.Failed, startedAt, error);

    public static TickerCompletion Cancelled(TickerRecord record, DateTime startedAt, Exception exception) =>
        Final(record, TickerStatus.Cancelled, startedAt, exception.ToString());

    /// <summary>Back to idle for another attempt at <paramref name="retryAt"/>.</summary>
    public static TickerCompletion Retry(TickerRecord record, DateTime startedAt, DateTime retryAt, string error) =>
        new(record.Id, record.Fence, TickerStatus.Idle, record.RetryCount + 1, retryAt, startedAt, 0, error);

    /// <summary>Back to idle unchanged: the run did not happen (shutdown), so it is not an attempt.</summary>
    public static TickerCompletion Released(TickerRecord record) =>
        new(record.Id, record.Fence, TickerStatus.Idle, record.RetryCount, record.ExecutionTime, null, 0, null);

    private static TickerCompletion Final(TickerRecord record, TickerStatus status, DateTime startedAt, string? error) =>
        new(record.Id, record.Fence, status, record.RetryCount, record.ExecutionTime, startedAt, 0, error);
}
