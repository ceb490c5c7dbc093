using Ticker.Tests.Support;

namespace Ticker.Tests.Management;

public sealed class TimeTickerManagerTests : IAsyncLifetime
{
    private TickerTestHost _host = null!;

    private ITimeTickerManager<TimeTickerEntity> Manager => _host.Manager;

    public async Task InitializeAsync() =>
        _host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("SendEmail")).AddFunction(Functions.Noop("Cleanup")),
            o => o.MaxRequestBytes = 64);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Add_without_a_function_name_is_refused_naming_the_field(string function)
    {
        var result = await Manager.AddAsync(new TimeTickerEntity { Function = function });

        AssertRefused(result, "Function", "a function name is required");
    }

    [Fact]
    public async Task Add_of_an_unknown_function_is_refused_with_the_closest_name_suggested()
    {
        var result = await Manager.AddAsync(new TimeTickerEntity { Function = "SendEmial" });

        AssertRefused(result, "Function", "'SendEmial' is not a registered ticker function; did you mean 'SendEmail'?");
    }

    [Fact]
    public async Task Add_with_negative_retries_is_refused()
    {
        var result = await Manager.AddAsync(new TimeTickerEntity { Function = "SendEmail", Retries = -1 });

        AssertRefused(result, "Retries", "must be zero or more, but was -1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Add_with_a_retry_interval_below_one_second_is_refused(int interval)
    {
        var result = await Manager.AddAsync(
            new TimeTickerEntity { Function = "SendEmail", Retries = 2, RetryIntervals = [60, interval] });

        AssertRefused(result, "RetryIntervals", $"interval 1 was {interval}");
    }

    [Fact]
    public async Task Add_with_a_request_over_the_size_limit_is_refused()
    {
        var result = await Manager.AddAsync(new TimeTickerEntity { Function = "SendEmail", Request = new byte[65] });

        AssertRefused(result, "Request", "is 65 bytes, more than the limit of 64 bytes");
    }

    [Fact]
    public async Task Add_of_an_invalid_child_is_refused_naming_the_child_field()
    {
        var parent = new TimeTickerEntity { Function = "SendEmail", Children = [new TimeTickerEntity { Function = "Nope" }] };

        var result = await Manager.AddAsync(parent);

        AssertRefused(result, "Children.Function", "'Nope' is not a registered ticker function");
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_item_adds_nothing_and_names_the_item_index()
    {
        var batch = new List<TimeTickerEntity>
        {
            new() { Function = "SendEmail" },
            new() { Function = "Cleanup" },
            new() { Function = "Cleanup", Retries = -2 },
        };

        var result = await Manager.AddBatchAsync(batch);

        Assert.False(result.IsSucceeded);
        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(2, error.Index);
        Assert.StartsWith("Item 2: Retries:", error.Message);
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task A_null_execution_time_means_now()
    {
        var result = await Manager.AddAsync(new TimeTickerEntity { Function = "SendEmail", ExecutionTime = null });

        Assert.True(result.IsSucceeded);
        Assert.Equal(_host.Now, result.Result!.ExecutionTime);
        Assert.Equal(DateTimeKind.Utc, result.Result.ExecutionTime!.Value.Kind);
    }

    [Fact]
    public async Task A_local_execution_time_is_converted_to_UTC_and_an_unspecified_one_is_taken_as_UTC()
    {
        var local = new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Unspecified);

        var fromLocal = await Manager.AddAsync(new TimeTickerEntity { Function = "SendEmail", ExecutionTime = local });
        var fromUnspecified = await Manager.AddAsync(
            new TimeTickerEntity { Function = "SendEmail", ExecutionTime = unspecified });

        Assert.Equal(local.ToUniversalTime(), (await _host.GetAsync(fromLocal.Result!.Id)).ExecutionTime);
        Assert.Equal(
            new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc),
            (await _host.GetAsync(fromUnspecified.Result!.Id)).ExecutionTime);
    }

    [Fact]
    public async Task Add_assigns_an_id_and_stores_every_field()
    {
        var ticker = new TimeTickerEntity
        {
            Function = "SendEmail",
            Description = "welcome mail",
            ExecutionTime = _host.Now.AddHours(1),
            Request = [1, 2, 3],
            Retries = 3,
            RetryIntervals = [60, 300, 900],
        };

        var result = await Manager.AddAsync(ticker);
        var stored = await _host.GetAsync(ticker.Id);

        Assert.True(result.IsSucceeded);
        Assert.NotEqual(Guid.Empty, ticker.Id);
        Assert.Equal(1, result.AffectedRows);
        Assert.Equal(("SendEmail", "welcome mail", _host.Now.AddHours(1), 3), (stored.Function, stored.Description, stored.ExecutionTime, stored.Retries));
        Assert.Equal([1, 2, 3], stored.Request!);
        Assert.Equal([60, 300, 900], stored.RetryIntervals!);
        Assert.Equal(TickerStatus.Idle, stored.Status);
    }

    [Fact]
    public async Task Add_of_an_id_that_exists_is_refused()
    {
        var first = new TimeTickerEntity { Function = "SendEmail", ExecutionTime = _host.Now.AddHours(1) };
        await Manager.AddAsync(first);

        var result = await Manager.AddAsync(new TimeTickerEntity { Id = first.Id, Function = "SendEmail" });

        AssertRefused(result, "Id", "already exists");
    }

    [Fact]
    public async Task Update_of_an_idle_ticker_moves_its_execution_time()
    {
        var ticker = new TimeTickerEntity { Function = "SendEmail", ExecutionTime = _host.Now.AddHours(1) };
        await Manager.AddAsync(ticker);

        ticker.ExecutionTime = _host.Now.AddHours(2);
        var result = await Manager.UpdateAsync(ticker);

        Assert.True(result.IsSucceeded);
        Assert.Equal(_host.Now.AddHours(2), (await _host.GetAsync(ticker.Id)).ExecutionTime);
    }

    [Fact]
    public async Task Update_of_a_ticker_that_is_no_longer_idle_is_refused()
    {
        var ticker = new TimeTickerEntity { Function = "SendEmail", ExecutionTime = _host.Now.AddHours(1) };
        await Manager.AddAsync(ticker);
        await _host.Store.ClaimDueAsync(new TickerClaim("other-node", DateTime.MaxValue, 10, TimeSpan.FromMinutes(1)), default);

        ticker.Description = "changed";
        var result = await Manager.UpdateAsync(ticker);

        AssertRefused(result, "Status", "is no longer Idle; only Idle tickers can be updated");
        Assert.Null((await _host.GetAsync(ticker.Id)).Description);
    }

    [Fact]
    public async Task Update_of_an_id_that_does_not_exist_is_refused()
    {
        var result = await Manager.UpdateAsync(new TimeTickerEntity { Id = Guid.NewGuid(), Function = "SendEmail" });

        AssertRefused(result, "Id", "no ticker with id");
    }

    [Fact]
    public async Task A_batch_update_with_one_missing_id_changes_nothing_and_names_its_index()
    {
        var existing = new TimeTickerEntity { Function = "SendEmail", ExecutionTime = _host.Now.AddHours(1) };
        await Manager.AddAsync(existing);
        existing.Description = "changed";

        var result = await Manager.UpdateBatchAsync([existing, new TimeTickerEntity { Id = Guid.NewGuid(), Function = "Cleanup" }]);

        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(1, error.Index);
        Assert.Null((await _host.GetAsync(existing.Id)).Description);
    }

    [Fact]
    public async Task Delete_of_an_id_that_does_not_exist_is_refused()
    {
        var result = await Manager.DeleteAsync(Guid.NewGuid());

        AssertRefused(result, "Id", "no ticker with id");
    }

    [Fact]
    public async Task Delete_removes_the_ticker_with_its_children_and_returns_it()
    {
        var parent = new TimeTickerEntity
        {
            Function = "SendEmail",
            ExecutionTime = _host.Now.AddHours(1),
            Children = [new TimeTickerEntity { Function = "Cleanup" }],
        };
        await Manager.AddAsync(parent);

        var result = await Manager.DeleteAsync(parent.Id);

        Assert.True(result.IsSucceeded);
        Assert.Equal(parent.Id, result.Result!.Id);
        Assert.Equal(2, result.AffectedRows);
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task A_batch_delete_with_one_missing_id_deletes_nothing()
    {
        var kept = new TimeTickerEntity { Function = "SendEmail", ExecutionTime = _host.Now.AddHours(1) };
        await Manager.AddAsync(kept);

        var result = await Manager.DeleteBatchAsync([kept.Id, Guid.NewGuid()]);

        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(1, error.Index);
        Assert.Equal(1, _host.Store.Count);
    }

    [Fact]
    public async Task A_store_failure_is_returned_as_a_result_not_thrown()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("SendEmail")),
            wrapStore: _ => new FailingStore());

        var result = await host.Manager.AddAsync(new TimeTickerEntity { Function = "SendEmail" });

        Assert.False(result.IsSucceeded);
        Assert.IsType<IOException>(result.Exception);
    }

    private static void AssertRefused<T>(TickerResult<T> result, string field, string messagePart)
    {
        Assert.False(result.IsSucceeded);
        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(field, error.Field);
        Assert.Contains(messagePart, error.Message);
        Assert.Null(error.Index);
    }
}
