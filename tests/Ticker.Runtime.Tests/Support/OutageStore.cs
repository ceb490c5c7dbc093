namespace Ticker.Tests.Support;

/// <summary>A real store that goes down on command: while <see cref="ClaimsDown"/> or <see cref="CompletionsDown"/> is
/// set, the scheduler's calls (claims and wake-time reads, or completions) throw as a store that cannot be reached
/// does, and are counted. Reads and writes through the managers pass, so a test can arrange and inspect.</summary>
internal sealed class OutageStore(ITickerStore inner) : DelegatingStore(inner)
{
    private int _failedCalls;

    public volatile bool ClaimsDown;

    public volatile bool CompletionsDown;

    /// <summary>Calls that failed because the store was down.</summary>
    public int FailedCalls => Volatile.Read(ref _failedCalls);

    public override Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
        => ClaimsDown ? Fail<IReadOnlyList<TickerRecord>>() : base.ClaimDueAsync(claim, cancellationToken);

    public override Task<int> CompleteAsync(
        IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
        => CompletionsDown ? Fail<int>() : base.CompleteAsync(completions, cancellationToken);

    public override Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
        => ClaimsDown ? Fail<DateTime?>() : base.GetNextWakeTimeAsync(cancellationToken);

    private Task<T> Fail<T>()
    {
        Interlocked.Increment(ref _failedCalls);

        return Task.FromException<T>(new IOException("the store cannot be reached"));
    }
}
