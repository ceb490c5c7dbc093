namespace Ticker;

/// <summary>Settings of the scheduler on one node. Bound from configuration by <c>AddTicker(IConfiguration)</c>
/// without reflection.</summary>
public sealed class TickerOptions
{
    /// <summary>The name this node stamps on its leases. Defaults to the machine name, process id and a random
    /// suffix, so two processes never share one.</summary>
    public string NodeId { get; set; } =
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The most runs at once on this node. Default 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The most tickers leased in one claim. Default 256.</summary>
    public int ClaimBatchSize { get; set; } = 256;

    /// <summary>How long a claim holds a ticker before another node may take it over; renewed every third of it while
    /// the run lasts. Default one minute.</summary>
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far ahead of their due time tickers are claimed, so they can start on the millisecond.
    /// Default 100 ms. A claimed ticker is no longer idle and can no longer be updated.</summary>
    public TimeSpan ClaimAhead { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A run that starts later than this after its due time ends <see cref="TickerStatus.DueDone"/> instead of
    /// <see cref="TickerStatus.Done"/>. Default one second.</summary>
    public TimeSpan DueLateThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest request, in bytes, a manager accepts. Default 1 MiB.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Whether managers refuse a function name this process has no function for. Turn off in a process that
    /// only schedules work for other services. Default on.</summary>
    public bool ValidateFunctionNames { get; set; } = true;

    /// <summary>An extra check of the store at this interval even when nothing signalled new work, for stores that
    /// other processes write to without a notification channel. <see langword="null"/> (the default) never polls.
    /// </summary>
    public TimeSpan? SafetyPollInterval { get; set; }

    /// <summary>The longest wait between attempts to reach a failing store. Default 30 seconds.</summary>
    public TimeSpan MaxStoreRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many runs beyond its <see cref="TimeTickerEntity.Retries"/> a ticker may lose with its node (a crash, a
    /// kill, a lease that ran out) before it ends <see cref="TickerStatus.Failed"/> instead of running again. A lost
    /// run counts as an attempt; without this cap a job that kills its process every time would take down node after
    /// node for ever. Default 3.
    /// </summary>
    public int MaxLostRuns { get; set; } = 3;
}
