using Npgsql;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>Enqueue inside the application's own transaction: the ticker exists if and only if it commits.</summary>
[Collection(PostgreSqlTests.Name)]
public sealed class PostgreSqlTransactionTests(PostgreSqlServer server) : IAsyncLifetime
{
    private readonly TestSchema _schema = new(server);
    private PostgreSqlTickerStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new PostgreSqlTickerStore(_schema.Options());
        await _store.InitializeAsync(default);
        await _schema.ScalarAsync($"CREATE TABLE \"{_schema.Name}\".orders (id uuid PRIMARY KEY)");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task A_ticker_enqueued_in_a_rolled_back_transaction_does_not_exist_and_wakes_nobody()
    {
        var heard = await ListenAsync();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ticker = NewEntity();

        var result = await _store.EnqueueAsync(transaction, [ticker]);
        await transaction.RollbackAsync();

        Assert.True(result.IsSucceeded, result.Exception?.ToString());
        Assert.Null(await _store.GetAsync(ticker.Id, default));
        await Task.Delay(300);
        Assert.DoesNotContain(heard.Reports, due => due != DateTime.MinValue);
    }

    [Fact]
    public async Task A_ticker_enqueued_with_the_application_change_exists_once_both_commit_and_not_before()
    {
        var heard = await ListenAsync();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertOrderAsync(connection, transaction, Guid.NewGuid());
        var ticker = NewEntity();

        await _store.EnqueueAsync(transaction, [ticker]);
        var beforeCommit = await _store.GetAsync(ticker.Id, default);
        await Task.Delay(200);
        var heardBeforeCommit = heard.Reports.Count(due => due != DateTime.MinValue);
        await transaction.CommitAsync();

        Assert.Null(beforeCommit);
        Assert.Equal(0, heardBeforeCommit);
        var stored = await _store.GetAsync(ticker.Id, default);
        Assert.Equal((TickerStatus.Idle, "Work", ticker.ExecutionTime), (stored!.Status, stored.Function, stored.ExecutionTime));
        await heard.WaitForAsync(due => due != DateTime.MinValue);
    }

    [Fact]
    public async Task Children_enqueued_in_a_transaction_wait_for_their_parent()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parent = NewEntity();
        var child = NewEntity();
        child.RunCondition = RunCondition.OnFailure;
        parent.Children.Add(child);

        var result = await _store.EnqueueAsync(transaction, [parent]);
        await transaction.CommitAsync();

        Assert.Equal(2, result.AffectedRows);
        var stored = await _store.GetAsync(child.Id, default);
        Assert.Equal((parent.Id, true, RunCondition.OnFailure), (stored!.ParentId, stored.AwaitingParent, stored.RunCondition));
    }

    [Fact]
    public async Task An_existing_id_is_refused_without_breaking_the_application_transaction()
    {
        var existing = NewEntity();
        await using (var setup = await OpenAsync())
        await using (var first = await setup.BeginTransactionAsync())
        {
            await _store.EnqueueAsync(first, [existing]);
            await first.CommitAsync();
        }

        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fresh = NewEntity();
        var clash = NewEntity();
        clash.Id = existing.Id;
        var result = await _store.EnqueueAsync(transaction, [fresh, clash]);
        var order = Guid.NewGuid();
        await InsertOrderAsync(connection, transaction, order);
        await transaction.CommitAsync();

        var refusal = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(("Id", 1), (refusal.Field, refusal.Index));
        Assert.Null(await _store.GetAsync(fresh.Id, default));
        Assert.Equal(1L, await _schema.ScalarAsync($"SELECT count(*) FROM \"{_schema.Name}\".orders WHERE id = '{order}'"));
    }

    [Fact]
    public async Task An_invalid_ticker_is_refused_before_anything_is_written()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var result = await _store.EnqueueAsync(transaction, [NewEntity(), new TimeTickerEntity { Function = " " }]);

        var refusal = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(("Function", 1), (refusal.Field, refusal.Index));
    }

    private static TimeTickerEntity NewEntity() => new()
    {
        Function = "Work",
        ExecutionTime = DateTime.UnixEpoch.AddTicks((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10 * 10),
        Request = [1, 2],
    };

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();

        return connection;
    }

    private async Task InsertOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id)
    {
        await using var command = new NpgsqlCommand($"INSERT INTO \"{_schema.Name}\".orders (id) VALUES (@id)", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DueRecorder> ListenAsync()
    {
        var heard = new DueRecorder();
        _store.Subscribe(heard.Record);
        await heard.WaitForAsync(due => due == DateTime.MinValue);

        return heard;
    }
}
