using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>Cron changes travel to the other nodes as notifications, so their planners re-plan at once.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlCronNotificationTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Adding_updating_and_deleting_a_cron_on_another_store_each_notify_cron_subscribers()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var changes = await ListeningAsync(listening);
        var cron = NewCron();

        Assert.True((await writing.InsertCronsAsync([cron], default)).IsApplied);
        await changes.WaitForAsync(1);
        cron.Expression = "0 0 4 * * *";
        Assert.True((await writing.UpdateCronsAsync([cron], default)).IsApplied);
        await changes.WaitForAsync(2);
        Assert.True((await writing.DeleteCronsAsync([cron.Id], default)).IsApplied);
        await changes.WaitForAsync(3);
    }

    [Fact]
    public async Task A_store_does_not_hear_its_own_cron_changes()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options());
        await using var other = new PostgreSqlTickerStore(_schema.Options());
        var changes = await ListeningAsync(store);

        Assert.True((await store.InsertCronsAsync([NewCron()], default)).IsApplied);
        await other.InsertAsync([Tickers.Due(DateTime.UtcNow)], default);

        // Notifications arrive in commit order, so the ticker's comes after the cron's would have.
        await changes.Due.WaitForAsync(due => due != DateTime.MinValue);
        Assert.Equal(0, changes.Count);
    }

    [Fact]
    public async Task Seeding_notifies_only_when_it_writes_a_row()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var changes = await ListeningAsync(listening);

        Assert.True(await writing.SeedCronAsync(NewCron(seedKey: "Cleanup"), default));
        Assert.False(await writing.SeedCronAsync(NewCron(seedKey: "Cleanup"), default));
        await writing.InsertAsync([Tickers.Due(DateTime.UtcNow)], default);

        await changes.Due.WaitForAsync(due => due != DateTime.MinValue);
        Assert.Equal(1, changes.Count);
    }

    [Fact]
    public async Task Listening_again_after_a_lost_connection_reports_a_cron_change()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        var changes = await ListeningAsync(listening);
        Assert.Equal(0, changes.Count);

        await _schema.ScalarAsync(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity " +
            $"WHERE query LIKE 'LISTEN \"{_schema.Name}\"%'");

        await changes.WaitForAsync(1);
    }

    [Fact]
    public async Task A_cron_added_on_a_node_that_then_stops_keeps_running_on_the_other_node()
    {
        var runs = new ConcurrentQueue<DateTime>();
        using var survivor = BuildHost(runs);
        await survivor.StartAsync();
        using var adder = BuildHost(runs);
        await adder.StartAsync();
        var manager = adder.Services.GetRequiredService<ICronTickerManager<CronTickerEntity>>();

        var added = await manager.AddAsync(new CronTickerEntity { Function = "Record", Expression = "* * * * * *" });
        Assert.True(added.IsSucceeded, added.Exception?.ToString());
        await WaitForRunsAsync(runs, 1);
        await adder.StopAsync();
        var ranBeforeStop = runs.Count;

        // The survivor's own plan was read before the cron existed; only the notification tells it about the cron,
        // since its safety reload is minutes away. Without it the cron would stop after the occurrence already planned.
        await WaitForRunsAsync(runs, ranBeforeStop + 4);
        await survivor.StopAsync();
        Assert.Equal(runs.Count, runs.Distinct().Count());
    }

    private IHost BuildHost(ConcurrentQueue<DateTime> runs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddTicker(options => options.MaxConcurrency = 4)
            .UsePostgreSqlStore(_schema.ConnectionString, _schema.Name, o => o.NotificationChannel = _schema.Name)
            .AddFunction(new TickerFunctionDescriptor("Record", (context, _) =>
            {
                runs.Enqueue(context.ScheduledFor);
                return ValueTask.CompletedTask;
            }));

        return builder.Build();
    }

    private static async Task WaitForRunsAsync(ConcurrentQueue<DateTime> runs, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (runs.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{runs.Count} occurrences ran, not {count}.");
            await Task.Delay(20);
        }
    }

    private static CronTickerRecord NewCron(string? seedKey = null) => new()
    {
        Id = Guid.NewGuid(),
        Function = "Work",
        Expression = "0 0 3 * * *",
        IsEnabled = true,
        SeedKey = seedKey,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static async Task<CronChanges> ListeningAsync(PostgreSqlTickerStore store)
    {
        await store.InitializeAsync(default);
        var changes = new CronChanges();
        store.SubscribeToCronChanges(changes.Record);
        store.Subscribe(changes.Due.Record);
        await changes.Due.WaitForAsync(due => due == DateTime.MinValue);

        return changes;
    }

    /// <summary>Counts the cron changes a store reports; <see cref="Due"/> records its due-time reports on the same
    /// connection, which mark how far the notifications have been read.</summary>
    private sealed class CronChanges
    {
        private int _count;

        public DueRecorder Due { get; } = new();

        public int Count => Volatile.Read(ref _count);

        public void Record() => Interlocked.Increment(ref _count);

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Count} cron changes were reported, not {count}.");
                await Task.Delay(10);
            }
        }
    }
}
