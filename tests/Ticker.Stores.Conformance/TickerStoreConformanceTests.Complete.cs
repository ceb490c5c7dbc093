namespace Ticker.Stores.Conformance;

/// <summary>Completions: fenced, batched, and back to idle for retries and releases.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task Complete_writes_a_final_outcome_and_clears_the_lease()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        Clock.Advance(TimeSpan.FromSeconds(2));

        var written = await CompleteAsync(Final(claimed, TickerStatus.Failed, "boom"));

        Assert.Equal(1, written);
        var stored = await GetAsync(ticker.Id);
        Assert.Equal(
            (TickerStatus.Failed, "boom", (DateTime?)Now, 42L, Now),
            (stored.Status, stored.ExceptionMessage, stored.ExecutedAt, stored.ElapsedMilliseconds, stored.UpdatedAt));
        Assert.Equal((null, null, null), (stored.LockHolder, stored.LockedAt, stored.LeaseExpiry));
    }

    [Fact]
    public async Task Complete_with_a_stale_fence_is_not_written()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var lost = await ClaimOnlyAsync(ticker);
        Clock.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await ClaimAsync(NodeB));

        var written = await CompleteAsync(Final(lost, TickerStatus.Done));

        Assert.Equal(0, written);
        var stored = await GetAsync(ticker.Id);
        Assert.Equal((TickerStatus.InProgress, NodeB, taken.Fence), (stored.Status, stored.LockHolder, stored.Fence));
    }

    [Fact]
    public async Task Complete_with_the_current_fence_after_a_takeover_is_written()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);
        Clock.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await ClaimAsync(NodeB));

        var written = await CompleteAsync(Final(taken, TickerStatus.Done));

        Assert.Equal(1, written);
        Assert.Equal(TickerStatus.Done, (await GetAsync(ticker.Id)).Status);
    }

    [Fact]
    public async Task Complete_returns_how_many_outcomes_of_the_batch_were_written()
    {
        var tickers = Enumerable.Range(0, 3).Select(_ => NewTicker(TimeSpan.Zero)).ToArray();
        var idle = NewTicker(TimeSpan.FromHours(1));
        await InsertAsync([.. tickers, idle]);
        var claimed = await ClaimAsync();

        var written = await CompleteAsync(
        [
            Final(Stale(claimed[0]), TickerStatus.Failed),
            .. claimed.Select(row => Final(row, TickerStatus.Done)),
            Final(idle, TickerStatus.Done),
        ]);

        Assert.Equal(3, written);
        foreach (var ticker in tickers)
        {
            Assert.Equal(TickerStatus.Done, (await GetAsync(ticker.Id)).Status);
        }

        Assert.Equal(TickerStatus.Idle, (await GetAsync(idle.Id)).Status);
    }

    [Fact]
    public async Task Complete_of_the_same_claim_twice_writes_only_the_first()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);

        var written = await CompleteAsync(Final(claimed, TickerStatus.Done), Final(claimed, TickerStatus.Failed));

        Assert.Equal(1, written);
        Assert.Equal(TickerStatus.Done, (await GetAsync(ticker.Id)).Status);
    }

    [Fact]
    public async Task Complete_of_a_missing_ticker_writes_nothing()
    {
        var written = await CompleteAsync(Final(NewTicker(TimeSpan.Zero), TickerStatus.Done));

        Assert.Equal(0, written);
    }

    [Fact]
    public async Task Complete_with_a_retry_puts_the_ticker_back_idle_with_its_new_time_and_count()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        var retryAt = Now + TimeSpan.FromSeconds(5);

        Assert.Equal(1, await CompleteAsync(Retry(claimed, retryAt, "try again")));

        var stored = await GetAsync(ticker.Id);
        Assert.Equal(
            (TickerStatus.Idle, 1, retryAt, "try again", (string?)null, (DateTime?)null),
            (stored.Status, stored.RetryCount, stored.ExecutionTime, stored.ExceptionMessage, stored.LockHolder,
                stored.LeaseExpiry));
    }

    [Fact]
    public async Task Retried_ticker_is_claimed_again_at_its_new_time_and_not_before()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        var retryAt = Now + TimeSpan.FromSeconds(5);
        await CompleteAsync(Retry(claimed, retryAt, "try again"));

        var early = await ClaimAsync(dueBefore: retryAt - TimeSpan.FromTicks(1));
        var again = Assert.Single(await ClaimAsync(dueBefore: retryAt));

        Assert.Empty(early);
        Assert.Equal((ticker.Id, 1), (again.Id, again.RetryCount));
        Assert.True(again.Fence > claimed.Fence, "A new claim must raise the fencing token.");
    }

    [Fact]
    public async Task Complete_with_a_release_at_shutdown_leaves_the_retry_count_unchanged()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);

        Assert.Equal(1, await CompleteAsync(Release(claimed)));

        var stored = await GetAsync(ticker.Id);
        Assert.Equal(
            (TickerStatus.Idle, 0, ticker.ExecutionTime, (DateTime?)null, (string?)null),
            (stored.Status, stored.RetryCount, stored.ExecutionTime, stored.ExecutedAt, stored.LockHolder));
        Assert.Equal([ticker.Id], (await ClaimAsync(NodeB)).Select(row => row.Id));
    }

    [Fact]
    public async Task Complete_keeps_the_last_start_time_and_failure_when_an_outcome_has_none()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var first = await ClaimOnlyAsync(ticker);
        var startedAt = Now;
        await CompleteAsync(Retry(first, Now, "first failure"));
        var second = await ClaimOnlyAsync(ticker);

        await CompleteAsync(Release(second));

        var stored = await GetAsync(ticker.Id);
        Assert.Equal(((DateTime?)startedAt, "first failure"), (stored.ExecutedAt, stored.ExceptionMessage));
    }

    [Fact]
    public async Task Complete_of_an_idle_ticker_is_not_written()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        var written = await CompleteAsync(Final(ticker, TickerStatus.Done));

        Assert.Equal(0, written);
        Assert.Equal(TickerStatus.Idle, (await GetAsync(ticker.Id)).Status);
    }

    private static TickerRecord Stale(TickerRecord claimed)
    {
        var stale = claimed.Clone();
        stale.Fence--;

        return stale;
    }
}
