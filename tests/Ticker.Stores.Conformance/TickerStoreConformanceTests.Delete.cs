namespace Ticker.Stores.Conformance;

/// <summary>Deletes: with descendants, all or nothing.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task Delete_removes_the_ticker_with_its_children_and_grandchildren()
    {
        var parent = NewTicker(TimeSpan.FromMinutes(1));
        var child = NewChild(parent, null, TimeSpan.FromMinutes(1));
        var grandchild = NewChild(child, null, TimeSpan.FromMinutes(1));
        var unrelated = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(parent, child, grandchild, unrelated);

        var result = await Store.DeleteAsync([parent.Id], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(3), result);
        Assert.Null(await Store.GetAsync(parent.Id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(child.Id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(grandchild.Id, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(unrelated.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_a_child_leaves_its_parent()
    {
        var parent = NewTicker(TimeSpan.FromMinutes(1));
        var child = NewChild(parent, null, TimeSpan.FromMinutes(1));
        await InsertAsync(parent, child);

        var result = await Store.DeleteAsync([child.Id], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(1), result);
        Assert.NotNull(await Store.GetAsync(parent.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_a_parent_and_its_child_in_one_batch_counts_each_row_once()
    {
        var parent = NewTicker(TimeSpan.FromMinutes(1));
        var child = NewChild(parent, null, TimeSpan.FromMinutes(1));
        await InsertAsync(parent, child);

        var result = await Store.DeleteAsync([parent.Id, child.Id], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(2), result);
    }

    [Fact]
    public async Task Delete_of_a_missing_ticker_is_refused_with_NotFound_at_its_index_and_deletes_nothing()
    {
        var kept = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(kept);

        var result = await Store.DeleteAsync([kept.Id, Guid.NewGuid()], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotFound, 1), result);
        Assert.NotNull(await Store.GetAsync(kept.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Deleted_ticker_is_never_claimed_and_no_longer_wakes_the_scheduler()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        await Store.DeleteAsync([ticker.Id], CancellationToken.None);

        Assert.Empty(await ClaimAsync());
        Assert.Null(await NextWakeAsync());
    }

    [Fact]
    public async Task Deleted_claimed_ticker_leaves_no_lease_behind()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);

        await Store.DeleteAsync([ticker.Id], CancellationToken.None);
        Clock.Advance(LeaseLength * 2);

        Assert.Null(await NextWakeAsync());
        Assert.Empty(await ClaimAsync(NodeB));
    }
}
