using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Hosting;

public sealed class StoreNotificationTests
{
    [Fact]
    public async Task A_store_notification_wakes_the_scheduler_for_a_ticker_another_process_added()
    {
        var runs = new ConcurrentQueue<TickerFunctionContext>();
        NotifyingStore? notifying = null;
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Recording("Job", runs)),
            wrapStore: store => notifying = new NotifyingStore(store));
        await Task.Delay(100);

        var ticker = NewTicker(host.Now);
        await host.Store.InsertAsync([ticker], default);
        await Task.Delay(300);
        Assert.Empty(runs);

        notifying!.Raise(ticker.ExecutionTime);

        await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        Assert.Equal([ticker.Id], runs.Select(run => run.Id));
    }

    [Fact]
    public async Task The_node_subscribes_while_it_runs_and_unsubscribes_when_it_stops()
    {
        NotifyingStore? notifying = null;
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Job")),
            wrapStore: store => notifying = new NotifyingStore(store));

        Assert.Equal(1, notifying!.Subscribers);

        await host.StopAsync();

        Assert.Equal(0, notifying.Subscribers);
    }

    private static TickerRecord NewTicker(DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Function = "Job",
        ExecutionTime = now,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
