namespace Ticker.Harness;

/// <summary>A contender that can hold recurring jobs, for the cron planning-cost scenario.</summary>
internal interface ICronContender
{
    /// <summary>Adds one cron per item that fires every day at <c>At</c> (UTC, to the second) and reports
    /// <c>Index</c> to the probe. Adds in batches where the scheduler has a batch API.</summary>
    Task AddDailyCronsAsync(IReadOnlyList<DailyCron> crons, CancellationToken cancellationToken);
}

/// <summary>A cron of the planning-cost scenario: job <paramref name="Index"/>, daily at <paramref name="At"/> UTC.
/// </summary>
internal readonly record struct DailyCron(int Index, TimeOnly At);
