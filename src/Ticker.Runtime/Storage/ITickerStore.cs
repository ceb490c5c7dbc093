namespace Ticker;

/// <summary>
/// Where tickers live. Every operation is batch-oriented and atomic, and leases are judged by the store's own clock,
/// so that several nodes can share one store without losing or doubling a run.
/// </summary>
public interface ITickerStore
{
    /// <summary>Creates or migrates the schema. Called once before the scheduler starts; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts every record or none.</summary>
    Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken);

    /// <summary>Replaces the schedule, function, request, retry settings and description of idle tickers, every one or
    /// none. The idle check is part of the write, so a ticker claimed meanwhile is refused.</summary>
    Task<StoreWriteResult> UpdateIdleAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes tickers with their descendants, every one or none.</summary>
    Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Reads one ticker.</summary>
    Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads one page of time tickers (rows without a <see cref="TickerRecord.CronTickerId"/>), ordered by
    /// execution time then id.</summary>
    Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <see cref="TickerClaim.MaxCount"/> tickers in one round trip, earliest first: idle ones due by
    /// <see cref="TickerClaim.DueBefore"/>, and in-progress ones whose lease has run out (their lost attempt raises
    /// <see cref="TickerRecord.RetryCount"/>). Each comes back <see cref="TickerStatus.InProgress"/> with a new fence
    /// and its request bytes.
    /// </summary>
    /// <remarks>
    /// With <see cref="TickerClaim.FunctionLimits"/>, the claim leaves at most the limit of each listed function in
    /// progress, counted over every node; due rows of a function at its limit stay idle for a later claim. The count and
    /// the claim must be one atomic step with respect to other claims, or two nodes could both fill the same room.
    /// </remarks>
    Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken);

    /// <summary>Writes outcomes in one round trip. Each row is written only if its fence still matches; a final outcome
    /// also releases or skips the ticker's children. Returns how many outcomes were written.</summary>
    Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken);

    /// <summary>Extends leases still held by <paramref name="owner"/> with a matching fence; returns how many.</summary>
    Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken);

    /// <summary>The earliest instant at which something becomes claimable: an idle ticker's due time or a lease's
    /// expiry. <see langword="null"/> when nothing is waiting.</summary>
    Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken);
}
