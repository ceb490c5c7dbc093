namespace Ticker.Stores.Conformance;

/// <summary>Updates: only idle tickers, all or nothing.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task Update_of_an_idle_ticker_replaces_schedule_function_request_retries_and_description()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);
        var update = Edited(ticker);

        var result = await Store.UpdateIdleAsync([update], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(1), result);
        var stored = await GetAsync(ticker.Id);
        Assert.Equal(
            (update.Function, update.Description, update.ExecutionTime, update.Retries, update.UpdatedAt),
            (stored.Function, stored.Description, stored.ExecutionTime, stored.Retries, stored.UpdatedAt));
        Assert.Equal(update.Request, stored.Request);
        Assert.Equal(update.RetryIntervals, stored.RetryIntervals);
    }

    [Fact]
    public async Task Update_leaves_status_counts_and_creation_time_alone()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);
        var update = Edited(ticker);
        update.Status = TickerStatus.Done;
        update.RetryCount = 9;
        update.CreatedAt = Now + TimeSpan.FromDays(3);

        await Store.UpdateIdleAsync([update], CancellationToken.None);

        var stored = await GetAsync(ticker.Id);
        Assert.Equal(
            (TickerStatus.Idle, 0, ticker.CreatedAt),
            (stored.Status, stored.RetryCount, stored.CreatedAt));
    }

    [Fact]
    public async Task Update_of_a_claimed_ticker_is_refused_with_NotIdle()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await ClaimOnlyAsync(ticker);

        var result = await Store.UpdateIdleAsync([Edited(ticker)], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotIdle, 0), result);
        Assert.Equal("Work", (await GetAsync(ticker.Id)).Function);
    }

    [Fact]
    public async Task Update_of_a_finished_ticker_is_refused_with_NotIdle()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);
        await RunToAsync(ticker, TickerStatus.Done);

        var result = await Store.UpdateIdleAsync([Edited(ticker)], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotIdle, 0), result);
    }

    [Fact]
    public async Task Update_of_a_missing_ticker_is_refused_with_NotFound_at_its_index()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);

        var result = await Store.UpdateIdleAsync(
            [Edited(ticker), Edited(NewTicker(TimeSpan.Zero))],
            CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotFound, 1), result);
    }

    [Fact]
    public async Task Update_refused_for_one_ticker_applies_nothing_to_the_others()
    {
        var idle = NewTicker(TimeSpan.FromMinutes(1));
        var claimed = NewTicker(TimeSpan.Zero);
        await InsertAsync(idle, claimed);
        await ClaimOnlyAsync(claimed);

        var result = await Store.UpdateIdleAsync([Edited(idle), Edited(claimed)], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotIdle, 1), result);
        var stored = await GetAsync(idle.Id);
        Assert.Equal(("Work", idle.ExecutionTime), (stored.Function, stored.ExecutionTime));
    }

    [Fact]
    public async Task Update_that_moves_a_ticker_later_is_not_claimed_at_its_old_time()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);
        var update = Edited(ticker);
        update.ExecutionTime = ticker.ExecutionTime + TimeSpan.FromHours(1);
        await Store.UpdateIdleAsync([update], CancellationToken.None);

        var early = await ClaimAsync(dueBefore: ticker.ExecutionTime);
        var onTime = await ClaimAsync(dueBefore: update.ExecutionTime);

        Assert.Empty(early);
        Assert.Equal([ticker.Id], onTime.Select(row => row.Id));
    }

    [Fact]
    public async Task Update_that_moves_a_ticker_earlier_moves_the_next_wake_time()
    {
        var ticker = NewTicker(TimeSpan.FromHours(1));
        await InsertAsync(ticker);
        var update = Edited(ticker);
        update.ExecutionTime = Now + TimeSpan.FromMinutes(5);

        await Store.UpdateIdleAsync([update], CancellationToken.None);

        Assert.Equal(update.ExecutionTime, await NextWakeAsync());
    }

    [Fact]
    public async Task Update_of_a_ticker_awaiting_its_parent_keeps_it_waiting()
    {
        var parent = NewTicker(TimeSpan.FromMinutes(1));
        var child = NewChild(parent, null, TimeSpan.FromMinutes(2));
        await InsertAsync(parent, child);
        var update = Edited(child);
        update.ExecutionTime = Now - TimeSpan.FromMinutes(1);

        var result = await Store.UpdateIdleAsync([update], CancellationToken.None);

        Assert.True(result.IsApplied);
        Assert.True((await GetAsync(child.Id)).AwaitingParent);
        Assert.Empty(await ClaimAsync());
    }

    private TickerRecord Edited(TickerRecord ticker)
    {
        var update = ticker.Clone();
        update.Function = "Edited";
        update.Description = "edited";
        update.ExecutionTime = ticker.ExecutionTime + TimeSpan.FromMinutes(10);
        update.Request = [9, 8, 7];
        update.Retries = 5;
        update.RetryIntervals = [1, 2, 3];
        update.UpdatedAt = Now + TimeSpan.FromSeconds(1);

        return update;
    }
}
