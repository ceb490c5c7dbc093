namespace Ticker.Stores.Conformance;

/// <summary>Function limits of the claim: a limited function never has more rows in progress than its limit, counted
/// over every owner; its due rows beyond the room stay idle.</summary>
public abstract partial class TickerStoreConformanceTests
{
    private const string Limited = "Limited";

    [Fact]
    public async Task ClaimDue_with_a_limit_of_two_and_one_running_claims_one_limited_row_and_every_unlimited_row()
    {
        var running = await RunningOnNodeBAsync(Limited);
        var limited = Enumerable.Range(1, 5).Select(i => NewTicker(TimeSpan.FromSeconds(-10 + i), Limited)).ToArray();
        var unlimited = Enumerable.Range(1, 3).Select(i => NewTicker(TimeSpan.FromSeconds(-i))).ToArray();
        await InsertAsync([.. limited, .. unlimited]);

        var claimed = await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 2));

        var expected = unlimited.Select(row => row.Id).Append(limited[0].Id).ToHashSet();
        Assert.Equal(expected, claimed.Select(row => row.Id).ToHashSet());
        Assert.Equal(2, await InProgressCountAsync(Limited));
        foreach (var waiting in limited.Skip(1))
        {
            Assert.Equal(TickerStatus.Idle, (await GetAsync(waiting.Id)).Status);
        }

        Assert.Equal(TickerStatus.InProgress, (await GetAsync(running.Id)).Status);
    }

    [Fact]
    public async Task ClaimDue_with_a_limit_claims_one_more_only_after_a_limited_run_completes()
    {
        await RunningOnNodeBAsync(Limited);
        var limited = Enumerable.Range(1, 5).Select(i => NewTicker(TimeSpan.FromSeconds(-10 + i), Limited)).ToArray();
        await InsertAsync(limited);
        var first = Assert.Single(await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 2)));
        Assert.Empty(await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 2)));

        Assert.Equal(1, await CompleteAsync(Final(first, TickerStatus.Done)));
        var next = await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 2));

        Assert.Equal([limited[1].Id], next.Select(row => row.Id));
        Assert.Equal(2, await InProgressCountAsync(Limited));
    }

    [Fact]
    public async Task ClaimDue_with_a_limit_still_takes_over_an_expired_lease_of_the_limited_function()
    {
        var lost = await RunningOnNodeBAsync(Limited);
        var waiting = NewTicker(TimeSpan.FromSeconds(-1), Limited);
        await InsertAsync(waiting);
        Clock.Advance(LeaseLength);

        var claimed = await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 1));

        var taken = Assert.Single(claimed);
        Assert.Equal((lost.Id, NodeA, lost.RetryCount + 1), (taken.Id, taken.LockHolder, taken.RetryCount));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(waiting.Id)).Status);
    }

    [Fact]
    public async Task ClaimDue_with_limits_of_other_functions_claims_an_unlimited_backlog_whole()
    {
        var backlog = Enumerable.Range(1, 20).Select(i => NewTicker(TimeSpan.FromSeconds(-i))).ToArray();
        await InsertAsync(backlog);

        var claimed = await ClaimLimitedAsync(new TickerFunctionLimit(Limited, 1), new TickerFunctionLimit("Other", 3));

        Assert.Equal(backlog.Select(row => row.Id).ToHashSet(), claimed.Select(row => row.Id).ToHashSet());
    }

    /// <summary>A ticker of <paramref name="function"/> claimed by <see cref="NodeB"/> without limits.</summary>
    private async Task<TickerRecord> RunningOnNodeBAsync(string function)
    {
        var ticker = NewTicker(TimeSpan.FromSeconds(-30), function);
        await InsertAsync(ticker);

        return Assert.Single(await ClaimAsync(NodeB, dueBefore: ticker.ExecutionTime));
    }

    /// <summary>Claims everything due now for <see cref="NodeA"/> under <paramref name="limits"/>.</summary>
    private Task<IReadOnlyList<TickerRecord>> ClaimLimitedAsync(params TickerFunctionLimit[] limits) =>
        Store.ClaimDueAsync(
            new TickerClaim(NodeA, Now, 100, LeaseLength) { FunctionLimits = limits },
            CancellationToken.None);

    private async Task<int> InProgressCountAsync(string function)
    {
        var query = new TimeTickerQuery { Function = function, Status = TickerStatus.InProgress, Take = 1000 };

        return (await Store.QueryAsync(query, CancellationToken.None)).TotalCount;
    }
}
