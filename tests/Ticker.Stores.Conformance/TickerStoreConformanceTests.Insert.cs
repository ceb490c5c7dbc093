namespace Ticker.Stores.Conformance;

/// <summary>Inserts: all or nothing.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task Insert_stores_every_field_of_every_record_of_the_batch()
    {
        var parent = NewTicker(TimeSpan.FromMinutes(1));
        var child = NewChild(parent, RunCondition.OnFailure, TimeSpan.FromMinutes(2));
        child.Description = null;

        var result = await Store.InsertAsync([parent, child], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(2), result);
        AssertSameFields(parent, await GetAsync(parent.Id));
        AssertSameFields(child, await GetAsync(child.Id));
    }

    [Fact]
    public async Task Insert_returns_times_as_utc()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);

        var stored = await GetAsync(ticker.Id);

        Assert.Equal(DateTimeKind.Utc, stored.ExecutionTime.Kind);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAt.Kind);
    }

    [Fact]
    public async Task Insert_keeps_a_missing_request_and_missing_retry_intervals_as_null()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        ticker.Request = null;
        ticker.RetryIntervals = null;
        await InsertAsync(ticker);

        var stored = await GetAsync(ticker.Id);

        Assert.Null(stored.Request);
        Assert.Null(stored.RetryIntervals);
    }

    [Fact]
    public async Task Insert_keeps_empty_retry_intervals_apart_from_missing_ones()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        ticker.RetryIntervals = [];
        await InsertAsync(ticker);

        var stored = await GetAsync(ticker.Id);

        Assert.NotNull(stored.RetryIntervals);
        Assert.Empty(stored.RetryIntervals);
    }

    [Fact]
    public async Task Insert_keeps_an_empty_request_apart_from_a_missing_one()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        ticker.Request = [];
        await InsertAsync(ticker);

        var stored = await GetAsync(ticker.Id);

        Assert.NotNull(stored.Request);
        Assert.Empty(stored.Request);
    }

    [Fact]
    public async Task Insert_with_an_existing_id_is_refused_with_DuplicateId_at_its_index_and_writes_nothing()
    {
        var existing = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(existing);
        var fresh = NewTicker(TimeSpan.FromMinutes(1));
        var clash = NewTicker(TimeSpan.FromMinutes(5));
        clash.Id = existing.Id;

        var result = await Store.InsertAsync([fresh, clash], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, 1), result);
        Assert.Null(await Store.GetAsync(fresh.Id, CancellationToken.None));
        Assert.Equal(existing.ExecutionTime, (await GetAsync(existing.Id)).ExecutionTime);
    }

    [Fact]
    public async Task Insert_with_an_id_repeated_inside_the_batch_is_refused_at_the_second_occurrence()
    {
        var first = NewTicker(TimeSpan.FromMinutes(1));
        var other = NewTicker(TimeSpan.FromMinutes(1));
        var repeat = NewTicker(TimeSpan.FromMinutes(2));
        repeat.Id = first.Id;

        var result = await Store.InsertAsync([first, other, repeat], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, 2), result);
        Assert.Null(await Store.GetAsync(first.Id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Insert_copies_the_record_so_later_changes_by_the_caller_are_not_stored()
    {
        var ticker = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(ticker);

        ticker.Function = "Changed";
        ticker.ExecutionTime += TimeSpan.FromHours(1);

        var stored = await GetAsync(ticker.Id);
        Assert.Equal("Work", stored.Function);
        Assert.Equal(Now + TimeSpan.FromMinutes(1), stored.ExecutionTime);
    }

    private static void AssertSameFields(TickerRecord expected, TickerRecord actual)
    {
        Assert.Equal(
            (expected.Id, expected.Function, expected.Description, expected.ExecutionTime, expected.Retries),
            (actual.Id, actual.Function, actual.Description, actual.ExecutionTime, actual.Retries));
        Assert.Equal(expected.Request, actual.Request);
        Assert.Equal(expected.RetryIntervals, actual.RetryIntervals);
        Assert.Equal(
            (expected.Status, expected.RetryCount, expected.Fence, expected.CreatedAt, expected.UpdatedAt),
            (actual.Status, actual.RetryCount, actual.Fence, actual.CreatedAt, actual.UpdatedAt));
        Assert.Equal(
            (expected.ParentId, expected.RunCondition, expected.AwaitingParent, expected.TraceParent),
            (actual.ParentId, actual.RunCondition, actual.AwaitingParent, actual.TraceParent));
        Assert.Equal(
            (expected.LockHolder, expected.LockedAt, expected.LeaseExpiry, expected.ExecutedAt),
            (actual.LockHolder, actual.LockedAt, actual.LeaseExpiry, actual.ExecutedAt));
        Assert.Equal(
            (expected.ElapsedMilliseconds, expected.ExceptionMessage),
            (actual.ElapsedMilliseconds, actual.ExceptionMessage));
    }
}
