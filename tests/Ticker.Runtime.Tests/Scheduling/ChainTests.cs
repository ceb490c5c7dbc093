using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

public sealed class ChainTests
{
    [Fact]
    public async Task Children_of_a_parent_that_succeeded_run_by_their_condition_and_the_others_are_Skipped()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t
            .AddFunction(Functions.Noop("Parent"))
            .AddFunction(Functions.Recording("Child", runs)));
        var onSuccess = new TimeTickerEntity { Function = "Child", RunCondition = RunCondition.OnSuccess };
        var onFailure = new TimeTickerEntity { Function = "Child", RunCondition = RunCondition.OnFailure };
        var grandchild = new TimeTickerEntity { Function = "Child", RunCondition = RunCondition.OnAnyCompletedStatus };
        onFailure.Children.Add(grandchild);
        var parent = new TimeTickerEntity { Function = "Parent", Children = [onSuccess, onFailure] };

        await host.AddAsync(parent);

        await host.WaitForStatusAsync(onSuccess.Id, TickerStatus.Done);
        var skipped = await host.WaitForStatusAsync(onFailure.Id, TickerStatus.Skipped);
        await host.WaitForStatusAsync(grandchild.Id, TickerStatus.Done);
        Assert.Contains("the parent ended Done", skipped.ExceptionMessage);
        Assert.Equal(new[] { onSuccess.Id, grandchild.Id }.Order(), runs.Select(run => run.Id).Order());
        Assert.Equal(parent.Id, (await host.GetAsync(onSuccess.Id)).ParentId);
    }

    [Fact]
    public async Task A_child_waits_for_its_parent_even_when_its_own_time_has_come()
    {
        var parentGate = new TaskCompletionSource();
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t
            .AddFunction(new TickerFunctionDescriptor("Parent", async (_, _) => await parentGate.Task))
            .AddFunction(Functions.Recording("Child", runs)));
        var child = new TimeTickerEntity { Function = "Child", ExecutionTime = host.Now };
        var parent = new TimeTickerEntity { Function = "Parent", Children = [child] };
        await host.AddAsync(parent);
        await Task.Delay(200);

        Assert.Empty(runs);
        Assert.Equal(TickerStatus.Idle, (await host.GetAsync(child.Id)).Status);

        parentGate.SetResult();
        await host.WaitForStatusAsync(child.Id, TickerStatus.Done);
    }

    [Fact]
    public async Task An_OnFailure_child_runs_once_its_parent_has_used_up_its_retries()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        await using var host = await TickerTestHost.StartAsync(t => t
            .AddFunction(Functions.Throwing("Parent", _ => true))
            .AddFunction(Functions.Recording("Compensate", runs)));
        var compensate = new TimeTickerEntity { Function = "Compensate", RunCondition = RunCondition.OnFailure };
        var parent = new TimeTickerEntity
        {
            Function = "Parent",
            Retries = 1,
            RetryIntervals = [5],
            Children = [compensate],
        };
        await host.AddAsync(parent);
        await Eventually.TrueAsync(
            async () => (await host.GetAsync(parent.Id)).RetryCount == 1,
            () => Task.FromResult("the parent's first retry"));
        Assert.Empty(runs);

        await host.AdvanceAsync(TimeSpan.FromSeconds(5));

        await host.WaitForStatusAsync(parent.Id, TickerStatus.Failed);
        await host.WaitForStatusAsync(compensate.Id, TickerStatus.Done);
    }
}
