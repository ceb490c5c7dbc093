namespace Ticker.Stores.Conformance;

/// <summary>Chains: a parent's final outcome releases or skips its children in the same write.</summary>
public abstract partial class TickerStoreConformanceTests
{
    /// <summary>Every run condition (and none) against every final status a run can write.</summary>
    public static TheoryData<RunCondition?, TickerStatus> ConditionsAndOutcomes()
    {
        var data = new TheoryData<RunCondition?, TickerStatus>();
        RunCondition?[] conditions = [null, .. Enum.GetValues<RunCondition>().Select(c => (RunCondition?)c)];
        foreach (var condition in conditions)
        {
            foreach (var status in new[] { TickerStatus.Done, TickerStatus.DueDone, TickerStatus.Failed,
                TickerStatus.Cancelled })
            {
                data.Add(condition, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConditionsAndOutcomes), MemberType = typeof(TickerStoreConformanceTests))]
    public async Task Final_completion_releases_or_skips_a_child_as_ChainRules_decide(
        RunCondition? condition,
        TickerStatus parentStatus)
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, condition, TimeSpan.FromHours(1));
        await InsertAsync(parent, child);

        await RunToAsync(parent, parentStatus);

        var stored = await GetAsync(child.Id);
        var expected = ChainRules.Allows(condition, parentStatus)
            ? (TickerStatus.Idle, (string?)null)
            : (TickerStatus.Skipped, ChainRules.SkipReason(condition, parentStatus));
        Assert.Equal(expected, (stored.Status, stored.ExceptionMessage));
        Assert.False(stored.AwaitingParent);
    }

    [Fact]
    public async Task Released_child_is_claimable_in_the_next_claim()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnSuccess, TimeSpan.FromMinutes(-5));
        await InsertAsync(parent, child);

        await RunToAsync(parent, TickerStatus.Done);

        Assert.Equal([child.Id], (await ClaimAsync()).Select(row => row.Id));
    }

    [Fact]
    public async Task Released_child_due_earlier_is_moved_to_now()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, null, TimeSpan.FromMinutes(-5));
        await InsertAsync(parent, child);
        var claimed = await ClaimOnlyAsync(parent);
        Clock.Advance(TimeSpan.FromSeconds(3));

        await CompleteAsync(Final(claimed, TickerStatus.Done));

        var stored = await GetAsync(child.Id);
        Assert.Equal((Now, Now), (stored.ExecutionTime, stored.UpdatedAt));
        Assert.Equal(Now, await NextWakeAsync());
    }

    [Fact]
    public async Task Released_child_due_later_keeps_its_execution_time()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, null, TimeSpan.FromHours(2));
        await InsertAsync(parent, child);

        await RunToAsync(parent, TickerStatus.Done);

        Assert.Equal(child.ExecutionTime, (await GetAsync(child.Id)).ExecutionTime);
        Assert.Equal(child.ExecutionTime, await NextWakeAsync());
    }

    [Fact]
    public async Task Skipped_child_is_never_claimed()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnFailure, TimeSpan.Zero);
        await InsertAsync(parent, child);

        await RunToAsync(parent, TickerStatus.Done);

        Assert.Empty(await ClaimAsync(dueBefore: Now + TimeSpan.FromDays(1)));
        Assert.Null(await NextWakeAsync());
    }

    [Fact]
    public async Task Skipping_a_child_also_skips_its_grandchildren()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnFailure, TimeSpan.Zero);
        var grandchild = NewChild(child, RunCondition.OnSuccess, TimeSpan.Zero);
        var greatGrandchild = NewChild(grandchild, null, TimeSpan.Zero);
        await InsertAsync(parent, child, grandchild, greatGrandchild);

        await RunToAsync(parent, TickerStatus.Done);

        foreach (var row in new[] { grandchild, greatGrandchild })
        {
            var stored = await GetAsync(row.Id);
            var reason = ChainRules.SkipReason(row.RunCondition, TickerStatus.Skipped);
            Assert.Equal((TickerStatus.Skipped, reason, false), (stored.Status, stored.ExceptionMessage,
                stored.AwaitingParent));
        }
    }

    [Fact]
    public async Task Grandchild_that_runs_on_any_status_is_released_when_its_parent_is_skipped()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnFailure, TimeSpan.Zero);
        var grandchild = NewChild(child, RunCondition.OnAnyCompletedStatus, TimeSpan.Zero);
        await InsertAsync(parent, child, grandchild);

        await RunToAsync(parent, TickerStatus.Done);

        Assert.Equal([grandchild.Id], (await ClaimAsync()).Select(row => row.Id));
    }

    [Fact]
    public async Task Final_completion_releases_only_its_own_children()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var otherParent = NewTicker(TimeSpan.FromHours(1));
        var child = NewChild(parent, null, TimeSpan.Zero);
        var otherChild = NewChild(otherParent, null, TimeSpan.Zero);
        await InsertAsync(parent, otherParent, child, otherChild);

        await RunToAsync(parent, TickerStatus.Done);

        Assert.True((await GetAsync(otherChild.Id)).AwaitingParent);
        Assert.Equal([child.Id], (await ClaimAsync()).Select(row => row.Id));
    }

    [Fact]
    public async Task Retry_completion_leaves_children_waiting()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnAnyCompletedStatus, TimeSpan.Zero);
        await InsertAsync(parent, child);
        var claimed = await ClaimOnlyAsync(parent);

        await CompleteAsync(Retry(claimed, Now + TimeSpan.FromMinutes(1), "again"));

        var stored = await GetAsync(child.Id);
        Assert.Equal((TickerStatus.Idle, true), (stored.Status, stored.AwaitingParent));
        Assert.Empty(await ClaimAsync());
    }

    [Fact]
    public async Task Stale_completion_does_not_release_children()
    {
        var parent = NewTicker(TimeSpan.Zero);
        var child = NewChild(parent, RunCondition.OnAnyCompletedStatus, TimeSpan.Zero);
        await InsertAsync(parent, child);
        var lost = await ClaimOnlyAsync(parent);
        Clock.Advance(LeaseLength);
        await ClaimAsync(NodeB);

        await CompleteAsync(Final(lost, TickerStatus.Done));

        Assert.True((await GetAsync(child.Id)).AwaitingParent);
    }

    [Fact]
    public async Task Children_of_several_parents_in_one_batch_are_all_released()
    {
        var parents = Enumerable.Range(0, 3).Select(_ => NewTicker(TimeSpan.Zero)).ToArray();
        var children = parents.Select(parent => NewChild(parent, null, TimeSpan.Zero)).ToArray();
        await InsertAsync([.. parents, .. children]);
        var claimed = await ClaimAsync();

        await CompleteAsync([.. claimed.Select(row => Final(row, TickerStatus.Done))]);

        var released = await ClaimAsync();
        Assert.Equal(children.Select(row => row.Id).Order(), released.Select(row => row.Id).Order());
    }
}
