using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Sqlite.Tests;

/// <summary>Cron tickers on a real SQLite file and the real clock: seeded once, planned by two nodes, run once each.
/// </summary>
public sealed class SqliteCronTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly ConcurrentQueue<(string Node, DateTime Scheduled)> _runs = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_nodes_on_one_file_seed_one_cron_and_run_each_occurrence_once()
    {
        using var first = await StartNodeAsync("node-a");
        using var second = await StartNodeAsync("node-b");

        await WaitForRunsAsync(4);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.Equal(1L, RawDatabase.Scalar<long>(_database.Path, "SELECT COUNT(*) FROM cron_tickers"));
        var times = _runs.Select(run => run.Scheduled).Order().ToList();
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
    }

    [Fact]
    public async Task A_cron_added_through_the_manager_keeps_its_history_after_delete()
    {
        using var node = await StartNodeAsync("node-a", declareCron: false);
        var manager = node.Services.GetRequiredService<ICronTickerManager<CronTickerEntity>>();
        var reads = node.Services.GetRequiredService<ICronTickerPersistenceProvider<CronTickerEntity>>();
        var added = await manager.AddAsync(new CronTickerEntity { Function = "Beat", Expression = "* * * * * *" });
        Assert.True(added.IsSucceeded, added.Exception?.ToString());

        await WaitForRunsAsync(2);
        Assert.True((await manager.DeleteAsync(added.Result!.Id)).IsSucceeded);
        await node.StopAsync();

        var history = await reads.GetOccurrencesAsync(added.Result.Id, 0, 100);
        Assert.True(history.Items.Count(row => row.Status is TickerStatus.Done or TickerStatus.DueDone) >= 2);
        Assert.DoesNotContain(history.Items, row => row.Status == TickerStatus.Idle);
        Assert.Null(await reads.GetCronTickerByIdAsync(added.Result.Id));
    }

    private async Task<IHost> StartNodeAsync(string node, bool declareCron = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTicker(options => options.NodeId = node)
            .UseSqliteStore(_database.Path)
            .AddFunction(new TickerFunctionDescriptor("Beat", (context, _) =>
            {
                _runs.Enqueue((node, context.ScheduledFor));
                return ValueTask.CompletedTask;
            })
            {
                CronExpression = declareCron ? "* * * * * *" : null,
            });
        var host = builder.Build();
        await host.StartAsync();

        return host;
    }

    private async Task WaitForRunsAsync(int count)
    {
        for (var i = 0; i < 400 && _runs.Count < count; i++)
        {
            await Task.Delay(25);
        }

        Assert.True(_runs.Count >= count, $"only {_runs.Count} runs");
    }
}
