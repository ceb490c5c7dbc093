namespace Ticker.Stores.Conformance;

/// <summary>Builders and short calls that keep the tests about behaviour.</summary>
public abstract partial class TickerStoreConformanceTests
{
    /// <summary>An idle ticker due <paramref name="dueIn"/> from the store clock's now, with every field set.</summary>
    protected TickerRecord NewTicker(TimeSpan dueIn, string function = "Work") => new()
    {
        Id = Guid.NewGuid(),
        Function = function,
        Description = "a ticker",
        ExecutionTime = Now + dueIn,
        Request = [1, 2, 3, 250],
        Retries = 2,
        RetryIntervals = [5, 30],
        Status = TickerStatus.Idle,
        CreatedAt = Now,
        UpdatedAt = Now,
        TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    };

    /// <summary>A child waiting for <paramref name="parent"/> to end.</summary>
    protected TickerRecord NewChild(TickerRecord parent, RunCondition? condition, TimeSpan dueIn)
    {
        var child = NewTicker(dueIn, "Child");
        child.ParentId = parent.Id;
        child.RunCondition = condition;
        child.AwaitingParent = true;

        return child;
    }

    /// <summary>Inserts the records and asserts the store took them.</summary>
    protected async Task InsertAsync(params TickerRecord[] records)
    {
        var result = await Store.InsertAsync(records, CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(records.Length), result);
    }

    /// <summary>Claims for <paramref name="owner"/> up to a node-side due limit (by default the store's now).</summary>
    protected Task<IReadOnlyList<TickerRecord>> ClaimAsync(
        string owner = NodeA,
        int maxCount = 100,
        DateTime? dueBefore = null,
        ITickerStore? store = null) =>
        (store ?? Store).ClaimDueAsync(
            new TickerClaim(owner, dueBefore ?? Now, maxCount, LeaseLength),
            CancellationToken.None);

    /// <summary>Claims and asserts that exactly <paramref name="expected"/> came back.</summary>
    protected async Task<TickerRecord> ClaimOnlyAsync(TickerRecord expected, string owner = NodeA)
    {
        var claimed = await ClaimAsync(owner, dueBefore: expected.ExecutionTime);

        return Assert.Single(claimed, row => row.Id == expected.Id);
    }

    /// <summary>Reads a ticker that must exist.</summary>
    protected async Task<TickerRecord> GetAsync(Guid id)
    {
        var row = await Store.GetAsync(id, CancellationToken.None);

        Assert.NotNull(row);

        return row;
    }

    /// <summary>Writes outcomes; returns how many the store wrote.</summary>
    protected Task<int> CompleteAsync(params TickerCompletion[] completions) =>
        Store.CompleteAsync(completions, CancellationToken.None);

    /// <summary>Claims <paramref name="ticker"/> and ends it in <paramref name="status"/>.</summary>
    protected async Task RunToAsync(TickerRecord ticker, TickerStatus status)
    {
        var claimed = await ClaimOnlyAsync(ticker);

        Assert.Equal(1, await CompleteAsync(Final(claimed, status)));
    }

    /// <summary>A final outcome for a claim, started at the store clock's now.</summary>
    protected TickerCompletion Final(TickerRecord claimed, TickerStatus status, string? error = null) =>
        new(claimed.Id, claimed.Fence, status, claimed.RetryCount, claimed.ExecutionTime, Now, 42, error);

    /// <summary>A failed attempt put back for another try at <paramref name="retryAt"/>.</summary>
    protected TickerCompletion Retry(TickerRecord claimed, DateTime retryAt, string error) =>
        new(claimed.Id, claimed.Fence, TickerStatus.Idle, claimed.RetryCount + 1, retryAt, Now, 7, error);

    /// <summary>A claim handed back unrun at shutdown: nothing but the status changes.</summary>
    protected static TickerCompletion Release(TickerRecord claimed) =>
        new(claimed.Id, claimed.Fence, TickerStatus.Idle, claimed.RetryCount, claimed.ExecutionTime, null, 0, null);

    /// <summary>The store's next wake time.</summary>
    protected Task<DateTime?> NextWakeAsync() => Store.GetNextWakeTimeAsync(CancellationToken.None);
}
