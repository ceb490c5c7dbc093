using Npgsql;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlNotificationTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task A_subscriber_hears_look_now_once_listening()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options());
        var heard = new DueRecorder();

        using var subscription = store.Subscribe(heard.Record);

        await heard.WaitForAsync(due => due == DateTime.MinValue);
    }

    [Fact]
    public async Task A_ticker_due_soon_inserted_by_another_store_notifies_with_its_due_time()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var heard = await ListeningAsync(listening);
        var due = DateTime.UtcNow.AddSeconds(30);
        var ticker = Tickers.Due(due.AddTicks(-(due.Ticks % 10)));

        await writing.InsertAsync([ticker, Tickers.Due(ticker.ExecutionTime.AddSeconds(5))], default);

        Assert.Equal(ticker.ExecutionTime, await heard.WaitForAsync(due => due != DateTime.MinValue));
    }

    [Fact]
    public async Task A_ticker_due_beyond_the_horizon_does_not_notify()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var heard = await ListeningAsync(listening);

        await writing.InsertAsync([Tickers.Due(DateTime.UtcNow + writing.NotifyHorizon + TimeSpan.FromMinutes(1))], default);
        await writing.InsertAsync([Tickers.Due(DateTime.UtcNow)], default);

        await heard.WaitForAsync(due => due != DateTime.MinValue);
        Assert.Single(heard.Reports, due => due != DateTime.MinValue);
    }

    [Fact]
    public async Task Updating_an_idle_ticker_to_due_soon_notifies()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var ticker = Tickers.Due(DateTime.UtcNow.AddDays(1));
        await writing.InsertAsync([ticker], default);
        var heard = await ListeningAsync(listening);

        ticker.ExecutionTime = DateTime.UtcNow.AddSeconds(-1);
        await writing.UpdateIdleAsync([ticker], default);

        await heard.WaitForAsync(due => due != DateTime.MinValue);
    }

    [Fact]
    public async Task A_lost_listening_connection_is_reopened_and_reports_look_now_again()
    {
        await using var listening = new PostgreSqlTickerStore(_schema.Options());
        await using var writing = new PostgreSqlTickerStore(_schema.Options());
        var heard = await ListeningAsync(listening);

        await _schema.ScalarAsync(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN \"{_schema.Name}\"%'");
        await WaitForReportsAsync(heard, minValues: 2);
        await writing.InsertAsync([Tickers.Due(DateTime.UtcNow)], default);

        await heard.WaitForAsync(due => due != DateTime.MinValue);
    }

    [Fact]
    public async Task The_listening_connection_closes_when_the_last_subscriber_leaves()
    {
        await using var store = new PostgreSqlTickerStore(_schema.Options());
        var heard = new DueRecorder();
        var subscription = store.Subscribe(heard.Record);
        await heard.WaitForAsync(due => due == DateTime.MinValue);

        subscription.Dispose();

        await WaitForListenersAsync(0);
    }

    private static async Task<DueRecorder> ListeningAsync(PostgreSqlTickerStore store)
    {
        await store.InitializeAsync(default);
        var heard = new DueRecorder();
        store.Subscribe(heard.Record);
        await heard.WaitForAsync(due => due == DateTime.MinValue);

        return heard;
    }

    private static async Task WaitForReportsAsync(DueRecorder heard, int minValues)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (heard.Reports.Count(due => due == DateTime.MinValue) < minValues)
        {
            Assert.True(DateTime.UtcNow < deadline, "The listener did not listen again after losing its connection.");
            await Task.Delay(10);
        }
    }

    private async Task WaitForListenersAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var listeners = (long)(await _schema.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN \"{_schema.Name}\"%'"))!;
            if (listeners == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{listeners} listening connections remain.");
            await Task.Delay(20);
        }
    }
}
