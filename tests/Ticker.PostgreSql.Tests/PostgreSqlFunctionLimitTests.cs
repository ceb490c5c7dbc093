using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>A function's <c>MaxConcurrency</c> holds across nodes that share one database: racing claims of separate
/// stores (separate connection pools) and whole hosts never have more of its runs in progress than the limit.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlFunctionLimitTests(PostgreSqlServer server) : IAsyncLifetime
{
    private const string Limited = "Limited";

    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    /// <remarks>Rows keep arriving while the claims race, each due at a random past time: a claim that counted before
    /// another claim committed would then pick a newly arrived earlier row beside the other claim's rows, which is the
    /// overlap the claim lock exists to prevent. Rows that were there from the start would be picked in the same order by
    /// every claim and hide it.</remarks>
    [Fact]
    public async Task Racing_limited_claims_of_four_stores_never_leave_more_than_the_limit_in_progress()
    {
        const int limit = 3;
        const int initialCount = 60;
        const int rowCount = 300;
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlTickerStore(_schema.Options())).ToArray();
        Assert.True((await stores[0].InsertAsync([.. Enumerable.Range(0, initialCount).Select(_ => PastDue())], default))
            .IsApplied);
        await using var database = NpgsqlDataSource.Create(_schema.ConnectionString);
        var finished = new ConcurrentBag<Guid>();
        var mostInProgress = 0;

        var inserter = Task.Run(async () =>
        {
            for (var i = initialCount; i < rowCount; i++)
            {
                Assert.True((await stores[i % stores.Length].InsertAsync([PastDue()], default)).IsApplied);
            }
        });
        var claimers = stores.SelectMany((store, node) => Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
        {
            var claim = Tickers.Claim($"node-{node}-{worker}", DateTime.UtcNow, 10) with
            {
                FunctionLimits = [new TickerFunctionLimit(Limited, limit)],
            };
            while (finished.Count < rowCount)
            {
                var claimed = await store.ClaimDueAsync(claim with { DueBefore = DateTime.UtcNow }, default);
                var inProgress = await InProgressAsync(database);
                Tickers.InterlockedMax(ref mostInProgress, inProgress);
                Assert.True(inProgress <= limit, $"{inProgress} runs of {Limited} were in progress at once.");
                foreach (var row in claimed)
                {
                    Assert.Equal(1, await store.CompleteAsync([Tickers.Done(row)], default));
                    finished.Add(row.Id);
                }
            }
        })));
        await Task.WhenAll([inserter, .. claimers]);

        Assert.Equal(limit, mostInProgress);
        Assert.Equal(rowCount, finished.Distinct().Count());
        Assert.Equal((long)rowCount, await _schema.ScalarAsync(
            $"SELECT count(*) FROM \"{_schema.Name}\".tickers WHERE function = '{Limited}' AND status = 3"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_hosts_run_a_function_with_MaxConcurrency_two_at_most_two_at_a_time_and_every_job_once()
    {
        const int jobCount = 200;
        var runs = new ConcurrentQueue<Guid>();
        var running = 0;
        var mostAtOnce = 0;
        var limited = new TickerFunctionDescriptor(Limited, async (context, token) =>
        {
            Tickers.InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref running));
            await Task.Delay(20, token);
            Interlocked.Decrement(ref running);
            runs.Enqueue(context.Id);
        })
        {
            MaxConcurrency = 2,
        };
        var hosts = Enumerable.Range(0, 3).Select(node => BuildHost(node, limited)).ToArray();
        foreach (var host in hosts)
        {
            await host.StartAsync();
        }

        await using (var writer = new PostgreSqlTickerStore(_schema.Options()))
        {
            var jobs = Enumerable.Range(0, jobCount).Select(_ => Tickers.Due(DateTime.UtcNow, Limited));
            Assert.True((await writer.InsertAsync([.. jobs], default)).IsApplied);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (runs.Count < jobCount && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Assert.Equal(jobCount, runs.Count);
        Assert.Equal(jobCount, runs.Distinct().Count());
        Assert.Equal(2, mostAtOnce);
    }

    /// <summary>A node of its own: its own store, connection string (told apart by application name) and node id.
    /// </summary>
    private IHost BuildHost(int node, TickerFunctionDescriptor function)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_schema.ConnectionString)
        {
            ApplicationName = $"ticker-node-{node}",
        }.ConnectionString;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddTicker(options =>
            {
                options.NodeId = $"node-{node}";
                options.MaxConcurrency = 8;
            })
            .UsePostgreSqlStore(connectionString, _schema.Name, o => o.NotificationChannel = _schema.Name)
            .AddFunction(function);

        return builder.Build();
    }

    /// <summary>A row of the limited function due at a random time in the last hour.</summary>
    private static TickerRecord PastDue() =>
        Tickers.Due(DateTime.UtcNow.AddSeconds(-Random.Shared.Next(1, 3600)), Limited);

    private async Task<int> InProgressAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM \"{_schema.Name}\".tickers WHERE function = @function AND status = 2");
        command.Parameters.AddWithValue("function", Limited);

        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
