using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ticker.Sqlite.Tests;

/// <summary><c>UseSqliteStore</c> in a host: the store it registers and a ticker run through it.</summary>
public sealed class SqliteHostingTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UseSqliteStore_registers_a_SQLite_store_on_the_registered_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        services.AddTicker().UseSqliteStore(_database.Path);
        await using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<SqliteTickerStore>(provider.GetRequiredService<ITickerStore>());
        var ticker = new TickerRecord
        {
            Id = Guid.NewGuid(),
            Function = "Work",
            ExecutionTime = clock.GetUtcNow().UtcDateTime,
        };
        await store.InsertAsync([ticker], CancellationToken.None);
        var claimed = await store.ClaimDueAsync(
            new TickerClaim("node", ticker.ExecutionTime, 1, TimeSpan.FromMinutes(1)),
            CancellationToken.None);

        Assert.Equal(clock.GetUtcNow().UtcDateTime, Assert.Single(claimed).LockedAt);
        Assert.True(File.Exists(_database.Path));
    }

    [Fact]
    public async Task A_ticker_added_through_the_manager_runs_once_on_the_SQLite_store()
    {
        var runs = new ConcurrentBag<Guid>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTicker()
            .UseSqliteStore(_database.Path)
            .AddFunction(new TickerFunctionDescriptor("Record", (context, _) =>
            {
                runs.Add(context.Id);
                return ValueTask.CompletedTask;
            }));
        using var host = builder.Build();
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
        var provider = host.Services.GetRequiredService<ITickerPersistenceProvider<TimeTickerEntity>>();

        var result = await manager.AddAsync(new TimeTickerEntity
        {
            Function = "Record",
            ExecutionTime = DateTime.UtcNow.AddMilliseconds(200),
        });
        Assert.True(result.IsSucceeded, result.Exception?.ToString());

        var stored = await WaitUntilRunAsync(provider, result.Result!.Id);
        await host.StopAsync();

        Assert.Equal([result.Result.Id], runs.ToArray());
        Assert.True(stored.ExecutedAt >= stored.ExecutionTime, "The run started before its due time.");
    }

    [Fact]
    public async Task A_write_lock_another_writer_holds_delays_the_claim_and_the_ticker_runs_once_after_it_is_released()
    {
        var runs = new ConcurrentBag<DateTime>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTicker()
            .UseSqliteStore(_database.Path)
            .AddFunction(new TickerFunctionDescriptor("Record", (_, _) =>
            {
                runs.Add(DateTime.UtcNow);
                return ValueTask.CompletedTask;
            }));
        using var host = builder.Build();
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
        var provider = host.Services.GetRequiredService<ITickerPersistenceProvider<TimeTickerEntity>>();
        var added = await manager.AddAsync(new TimeTickerEntity
        {
            Function = "Record",
            ExecutionTime = DateTime.UtcNow.AddMilliseconds(300),
        });

        // Another writer (a connection of its own, as another process would have) takes the file's write lock for 3 s
        // across the ticker's due time; the node's claim waits for it (busy timeout) and nothing is lost.
        DateTime released;
        await using (var blocker = new SqliteConnection($"Data Source={_database.Path}"))
        {
            await blocker.OpenAsync();
            await using var exclusive = blocker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            exclusive.CommandText = "COMMIT;";
            await exclusive.ExecuteNonQueryAsync();
            released = DateTime.UtcNow;
        }

        var stored = await WaitUntilRunAsync(provider, added.Result!.Id);
        await host.StopAsync();

        var ran = Assert.Single(runs);
        Assert.True(ran >= released, "The ticker ran while another writer held the lock.");
        Assert.Equal(0, stored.RetryCount);
    }

    /// <summary>Waits for the ticker to end <see cref="TickerStatus.Done"/>, or <see cref="TickerStatus.DueDone"/> on a
    /// machine busy enough to start it more than a second late.</summary>
    private static async Task<TimeTickerEntity> WaitUntilRunAsync(
        ITickerPersistenceProvider<TimeTickerEntity> provider, Guid id)
    {
        for (var i = 0; i < 400; i++)
        {
            var ticker = await provider.GetTimeTickerByIdAsync(id);
            if (ticker?.Status is TickerStatus.Done or TickerStatus.DueDone)
            {
                return ticker;
            }

            await Task.Delay(25);
        }

        var last = await provider.GetTimeTickerByIdAsync(id);
        throw new Xunit.Sdk.XunitException($"Ticker {id} did not run; it is {last?.Status}.");
    }
}
