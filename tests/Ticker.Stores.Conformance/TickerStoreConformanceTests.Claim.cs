namespace Ticker.Stores.Conformance;

/// <summary>Claims: earliest first, under a lease judged by the store's clock.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task ClaimDue_of_an_empty_store_returns_nothing()
    {
        Assert.Empty(await ClaimAsync());
    }

    [Fact]
    public async Task ClaimDue_returns_the_earliest_due_tickers_first_up_to_MaxCount()
    {
        var tickers = Enumerable.Range(1, 5).Select(i => NewTicker(TimeSpan.FromSeconds(-i))).ToArray();
        await InsertAsync(tickers);

        var claimed = await ClaimAsync(maxCount: 3);

        var earliest = tickers.OrderBy(row => row.ExecutionTime).Take(3).Select(row => row.Id).ToHashSet();
        Assert.Equal(earliest, claimed.Select(row => row.Id).ToHashSet());
    }

    [Fact]
    public async Task ClaimDue_skips_tickers_due_after_DueBefore()
    {
        var due = NewTicker(TimeSpan.FromSeconds(1));
        var later = NewTicker(TimeSpan.FromSeconds(3));
        await InsertAsync(due, later);

        var claimed = await ClaimAsync(dueBefore: Now + TimeSpan.FromSeconds(2));

        Assert.Equal([due.Id], claimed.Select(row => row.Id));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(later.Id)).Status);
    }

    [Fact]
    public async Task ClaimDue_includes_a_ticker_due_exactly_at_DueBefore()
    {
        var ticker = NewTicker(TimeSpan.FromSeconds(1));
        await InsertAsync(ticker);

        var claimed = await ClaimAsync(dueBefore: ticker.ExecutionTime);

        Assert.Equal([ticker.Id], claimed.Select(row => row.Id));
    }

    [Fact]
    public async Task ClaimDue_stamps_InProgress_owner_lock_time_and_lease_expiry_by_the_store_clock()
    {
        var ticker = NewTicker(TimeSpan.FromHours(1));
        await InsertAsync(ticker);

        var claimed = Assert.Single(await ClaimAsync(dueBefore: Now + TimeSpan.FromDays(1)));

        var expected = (TickerStatus.InProgress, NodeA, (DateTime?)Now, (DateTime?)(Now + LeaseLength));
        Assert.Equal(expected, (claimed.Status, claimed.LockHolder, claimed.LockedAt, claimed.LeaseExpiry));
        var stored = await GetAsync(ticker.Id);
        Assert.Equal(expected, (stored.Status, stored.LockHolder, stored.LockedAt, stored.LeaseExpiry));
    }

    [Fact]
    public async Task ClaimDue_raises_the_fence_and_stores_it()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        var claimed = await ClaimOnlyAsync(ticker);

        Assert.True(claimed.Fence > ticker.Fence, "A claim must raise the fencing token.");
        Assert.Equal(claimed.Fence, (await GetAsync(ticker.Id)).Fence);
    }

    [Fact]
    public async Task ClaimDue_returns_the_request_bytes_with_every_field_of_the_ticker()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        ticker.Request = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        await InsertAsync(ticker);

        var claimed = await ClaimOnlyAsync(ticker);

        Assert.Equal(ticker.Request, claimed.Request);
        Assert.Equal(ticker.RetryIntervals, claimed.RetryIntervals);
        Assert.Equal(
            (ticker.Function, ticker.Description, ticker.ExecutionTime, ticker.Retries, ticker.TraceParent),
            (claimed.Function, claimed.Description, claimed.ExecutionTime, claimed.Retries, claimed.TraceParent));
        Assert.Equal((0, ticker.CreatedAt), (claimed.RetryCount, claimed.CreatedAt));
    }

    [Fact]
    public async Task ClaimDue_skips_rows_leased_by_another_node()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);

        Clock.Advance(LeaseLength - TimeSpan.FromMilliseconds(1));

        Assert.Empty(await ClaimAsync(NodeB, dueBefore: Now + TimeSpan.FromDays(1)));
        Assert.Empty(await ClaimAsync(NodeA, dueBefore: Now + TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task ClaimDue_never_claims_a_ticker_awaiting_its_parent()
    {
        var parent = NewTicker(TimeSpan.FromHours(1));
        var child = NewChild(parent, RunCondition.OnAnyCompletedStatus, TimeSpan.FromHours(-1));
        await InsertAsync(parent, child);

        var claimed = await ClaimAsync(dueBefore: Now + TimeSpan.FromMinutes(1));

        Assert.Empty(claimed);
        Assert.Equal(TickerStatus.Idle, (await GetAsync(child.Id)).Status);
    }

    [Fact]
    public async Task ClaimDue_never_claims_finished_tickers()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await RunToAsync(ticker, TickerStatus.Failed);

        Clock.Advance(LeaseLength * 2);

        Assert.Empty(await ClaimAsync(NodeB, dueBefore: Now + TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task ClaimDue_reclaims_an_expired_lease_for_another_owner_with_one_more_retry_and_a_new_fence()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var lost = await ClaimOnlyAsync(ticker);

        Clock.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await ClaimAsync(NodeB));

        Assert.Equal(ticker.Id, taken.Id);
        Assert.Equal((NodeB, lost.RetryCount + 1), (taken.LockHolder, taken.RetryCount));
        Assert.True(taken.Fence > lost.Fence, "A takeover must raise the fencing token.");
        Assert.Equal(((DateTime?)Now, (DateTime?)(Now + LeaseLength)), (taken.LockedAt, taken.LeaseExpiry));
        Assert.Equal(ticker.Request, taken.Request);
    }

    [Fact]
    public async Task ClaimDue_treats_a_lease_that_runs_out_exactly_now_as_expired()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);

        Clock.Advance(LeaseLength);

        Assert.Equal([ticker.Id], (await ClaimAsync(NodeB)).Select(row => row.Id));
    }

    [Fact]
    public async Task ClaimDue_judges_lease_expiry_by_the_store_clock_not_by_DueBefore()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);

        var skewed = await ClaimAsync(NodeB, dueBefore: Now + TimeSpan.FromDays(1));

        Assert.Empty(skewed);
    }

    [Fact]
    public async Task ClaimDue_takes_expired_leases_before_idle_tickers()
    {
        var abandoned = NewTicker(TimeSpan.Zero);
        await InsertAsync(abandoned);
        await ClaimOnlyAsync(abandoned);
        var older = NewTicker(TimeSpan.FromHours(-1));
        await InsertAsync(older);

        Clock.Advance(LeaseLength + TimeSpan.FromSeconds(1));
        var claimed = await ClaimAsync(NodeB, maxCount: 1);

        Assert.Equal([abandoned.Id], claimed.Select(row => row.Id));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(older.Id)).Status);
    }

    [Fact]
    public async Task ClaimDue_claims_the_rest_of_a_backlog_in_later_batches_without_repeats()
    {
        var tickers = Enumerable.Range(0, 25).Select(i => NewTicker(TimeSpan.FromMilliseconds(-i))).ToArray();
        await InsertAsync(tickers);

        var seen = new List<Guid>();
        for (var batch = await ClaimAsync(maxCount: 10); batch.Count > 0; batch = await ClaimAsync(maxCount: 10))
        {
            seen.AddRange(batch.Select(row => row.Id));
        }

        Assert.Equal(tickers.Select(row => row.Id).Order(), seen.Order());
    }
}
