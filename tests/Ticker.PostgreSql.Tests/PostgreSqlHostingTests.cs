using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlHostingTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public void UsePostgreSqlStore_registers_one_store_for_both_types_and_a_safety_poll()
    {
        using var host = BuildHost(new ConcurrentQueue<Guid>(), safetyPoll: null);

        var store = host.Services.GetRequiredService<PostgreSqlTickerStore>();

        Assert.Same(store, host.Services.GetRequiredService<ITickerStore>());
        Assert.Equal(_schema.Name, store.Schema);
        Assert.Equal(
            PostgreSqlTickerBuilderExtensions.DefaultSafetyPollInterval,
            host.Services.GetRequiredService<TickerOptions>().SafetyPollInterval);
    }

    [Fact]
    public async Task A_ticker_added_through_the_manager_runs_once()
    {
        var runs = new ConcurrentQueue<Guid>();
        using var host = BuildHost(runs, safetyPoll: null);
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();

        var added = await manager.AddAsync(new TimeTickerEntity { Function = "Record", ExecutionTime = DateTime.UtcNow.AddMilliseconds(200) });

        Assert.True(added.IsSucceeded, added.Exception?.ToString());
        var stored = await WaitForDoneAsync(host, added.Result!.Id);
        await host.StopAsync();
        Assert.Equal([added.Result.Id], runs);
        Assert.True(stored.ExecutedAt >= stored.ExecutionTime, "The run started before its due time.");
    }

    [Fact]
    public async Task A_ticker_another_process_adds_starts_on_time_through_notify_without_a_poll()
    {
        var runs = new ConcurrentQueue<Guid>();
        using var host = BuildHost(runs, safetyPoll: TimeSpan.FromHours(1));
        await host.StartAsync();
        await Task.Delay(500);
        await using var other = new PostgreSqlTickerStore(_schema.Options());
        var ticker = Tickers.Due(DateTime.UtcNow.AddMilliseconds(300), "Record");

        await other.InsertAsync([ticker], default);

        var stored = await WaitForDoneAsync(host, ticker.Id);
        await host.StopAsync();
        Assert.Equal([ticker.Id], runs);
        // Without the notification the node would sleep for its hour-long poll; the bound is loose for busy machines.
        Assert.InRange(stored.ExecutedAt!.Value - ticker.ExecutionTime, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_idle_node_sends_no_queries_between_its_safety_polls()
    {
        var database = "idle_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = await server.CreateDatabaseAsync(database);
        using var host = BuildHost(new ConcurrentQueue<Guid>(), safetyPoll: null, connectionString);
        await host.StartAsync();
        await Task.Delay(1000);

        var before = await server.StatementsRunInAsync(database);
        await Task.Delay(5000);
        var after = await server.StatementsRunInAsync(database);
        await host.StopAsync();

        Assert.True(before > 0, "The node's start-up statements should have been counted.");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_run_is_cancelled_by_a_request_sent_from_another_node()
    {
        var started = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waitForCancel = new TickerFunctionDescriptor("WaitForCancel", async (context, token) =>
        {
            started.TrySetResult(context.Id);
            await Task.Delay(Timeout.Infinite, token);
        });
        using var host = BuildHost(new ConcurrentQueue<Guid>(), safetyPoll: null, extra: waitForCancel);
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
        var added = await manager.AddAsync(new TimeTickerEntity { Function = "WaitForCancel", Retries = 3 });
        var running = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var otherNode = new PostgreSqlTickerStore(_schema.Options());

        var sent = await otherNode.RequestCancelAsync(running);

        Assert.True(sent);
        var stored = await WaitForStatusAsync(host, added.Result!.Id, TickerStatus.Cancelled);
        await host.StopAsync();
        Assert.Equal(0, stored.RetryCount);
        Assert.False(await otherNode.RequestCancelAsync(running), "A finished ticker is not running anywhere.");
    }

    private IHost BuildHost(
        ConcurrentQueue<Guid> runs,
        TimeSpan? safetyPoll,
        string? connectionString = null,
        TickerFunctionDescriptor? extra = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddTicker(options =>
            {
                options.SafetyPollInterval = safetyPoll;
                options.MaxConcurrency = 4;
            })
            .UsePostgreSqlStore(connectionString ?? _schema.ConnectionString, _schema.Name, o => o.NotificationChannel = _schema.Name)
            .AddFunction(new TickerFunctionDescriptor("Record", (context, _) =>
            {
                runs.Enqueue(context.Id);
                return ValueTask.CompletedTask;
            }))
            .AddFunction(extra ?? new TickerFunctionDescriptor("Unused", (_, _) => ValueTask.CompletedTask));

        return builder.Build();
    }

    private static Task<TickerRecord> WaitForDoneAsync(IHost host, Guid id) =>
        WaitForStatusAsync(host, id, TickerStatus.Done, TickerStatus.DueDone);

    private static async Task<TickerRecord> WaitForStatusAsync(IHost host, Guid id, params TickerStatus[] statuses)
    {
        var store = host.Services.GetRequiredService<ITickerStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var row = await store.GetAsync(id, default);
            if (row is not null && statuses.Contains(row.Status))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Ticker {id} did not reach {statuses[0]}; it is {row?.Status}.");
            await Task.Delay(20);
        }
    }
}
