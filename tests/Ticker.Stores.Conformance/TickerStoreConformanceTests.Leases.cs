namespace Ticker.Stores.Conformance;

/// <summary>Lease renewal and the next wake time.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task RenewLeases_extends_leases_of_the_owner_with_a_matching_fence_by_the_store_clock()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        Clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await RenewAsync(NodeA, claimed);

        Assert.Equal(1, renewed);
        Assert.Equal(Now + LeaseLength, (await GetAsync(ticker.Id)).LeaseExpiry);
    }

    [Fact]
    public async Task Renewed_lease_is_not_taken_over_when_the_first_lease_would_have_run_out()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        Clock.Advance(TimeSpan.FromSeconds(20));
        await RenewAsync(NodeA, claimed);

        Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(await ClaimAsync(NodeB));
    }

    [Fact]
    public async Task RenewLeases_ignores_leases_held_by_another_owner()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        Clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await RenewAsync(NodeB, claimed);

        Assert.Equal(0, renewed);
        Assert.Equal(claimed.LeaseExpiry, (await GetAsync(ticker.Id)).LeaseExpiry);
    }

    [Fact]
    public async Task RenewLeases_ignores_a_stale_fence()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var lost = await ClaimOnlyAsync(ticker);
        Clock.Advance(LeaseLength);
        var taken = Assert.Single(await ClaimAsync(NodeA));

        var renewed = await RenewAsync(NodeA, lost);

        Assert.Equal(0, renewed);
        Assert.Equal(taken.LeaseExpiry, (await GetAsync(ticker.Id)).LeaseExpiry);
    }

    [Fact]
    public async Task RenewLeases_ignores_finished_tickers()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        var claimed = await ClaimOnlyAsync(ticker);
        await CompleteAsync(Final(claimed, TickerStatus.Done));

        var renewed = await RenewAsync(NodeA, claimed);

        Assert.Equal(0, renewed);
        Assert.Null((await GetAsync(ticker.Id)).LeaseExpiry);
    }

    [Fact]
    public async Task RenewLeases_counts_only_the_leases_it_renewed()
    {
        var tickers = Enumerable.Range(0, 3).Select(_ => NewTicker(TimeSpan.Zero)).ToArray();
        await InsertAsync(tickers);
        var claimed = await ClaimAsync();

        var renewed = await RenewAsync(NodeA, [.. claimed, NewTicker(TimeSpan.Zero)]);

        Assert.Equal(3, renewed);
    }

    [Fact]
    public async Task GetNextWakeTime_is_null_when_the_store_is_empty()
    {
        Assert.Null(await NextWakeAsync());
    }

    [Fact]
    public async Task GetNextWakeTime_is_the_earliest_idle_due_time()
    {
        var soon = NewTicker(TimeSpan.FromMinutes(2));
        await InsertAsync(NewTicker(TimeSpan.FromMinutes(9)), soon, NewTicker(TimeSpan.FromMinutes(5)));

        var wake = await NextWakeAsync();

        Assert.Equal(soon.ExecutionTime, wake);
        Assert.Equal(DateTimeKind.Utc, wake!.Value.Kind);
    }

    [Fact]
    public async Task GetNextWakeTime_is_a_lease_expiry_when_that_comes_first()
    {
        var claimed = NewTicker(TimeSpan.Zero);
        await InsertAsync(claimed, NewTicker(TimeSpan.FromHours(1)));
        await ClaimOnlyAsync(claimed);

        Assert.Equal(Now + LeaseLength, await NextWakeAsync());
    }

    [Fact]
    public async Task GetNextWakeTime_is_an_idle_due_time_when_that_comes_before_a_lease_expiry()
    {
        var claimed = NewTicker(TimeSpan.Zero);
        var next = NewTicker(TimeSpan.FromSeconds(10));
        await InsertAsync(claimed, next);
        await ClaimOnlyAsync(claimed);

        Assert.Equal(next.ExecutionTime, await NextWakeAsync());
    }

    [Fact]
    public async Task GetNextWakeTime_ignores_tickers_awaiting_their_parent()
    {
        var parent = NewTicker(TimeSpan.FromHours(1));
        await InsertAsync(parent, NewChild(parent, null, TimeSpan.FromMinutes(1)));

        Assert.Equal(parent.ExecutionTime, await NextWakeAsync());
    }

    [Fact]
    public async Task GetNextWakeTime_is_null_when_every_ticker_is_finished()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        await RunToAsync(ticker, TickerStatus.Done);

        Assert.Null(await NextWakeAsync());
    }

    [Fact]
    public async Task InitializeAsync_again_keeps_what_the_store_holds()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        await Store.InitializeAsync(CancellationToken.None);

        Assert.NotNull(await Store.GetAsync(ticker.Id, CancellationToken.None));
    }

    private Task<int> RenewAsync(string owner, params TickerRecord[] claimed) =>
        Store.RenewLeasesAsync(
            owner,
            [.. claimed.Select(row => new TickerLease(row.Id, row.Fence))],
            LeaseLength,
            CancellationToken.None);
}
