namespace Ticker.Harness;

/// <summary>How a contender is configured for one run; the same numbers for every scheduler.</summary>
/// <param name="Concurrency">Ticker's MaxConcurrency, Quartz's thread pool size, Hangfire's WorkerCount.</param>
/// <param name="AddBatch">Jobs per add call where the scheduler has a batch API.</param>
/// <param name="CountStoreQueries">Wraps Quartz's store in a counting decorator (idle scenario only; Ticker's store is
/// always counted).</param>
/// <param name="TickerClaimAhead">Ticker's ClaimAhead when set (a diagnostic; the runtime's default otherwise).</param>
/// <param name="SharedDatabase">For a PostgreSQL contender, the connection string of a database prepared by the
/// nodes scenario that several node processes join, instead of a fresh database of its own.</param>
internal sealed record ContenderSettings(
    int Concurrency,
    int AddBatch,
    bool CountStoreQueries,
    TimeSpan? TickerClaimAhead = null,
    string? SharedDatabase = null);
