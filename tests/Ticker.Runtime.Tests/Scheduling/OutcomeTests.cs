using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

public sealed class OutcomeTests
{
    [Fact]
    public async Task A_failing_ticker_is_retried_by_its_intervals_the_last_one_repeating_then_ends_Failed()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Throwing("Job", _ => true)));
        var ticker = await host.AddAsync(new TimeTickerEntity
        {
            Function = "Job",
            Retries = 3,
            RetryIntervals = [10, 20],
        });

        var expectedDelays = new[] { 10, 20, 20 };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var failedAt = host.Now;
            var retry = await WaitForRetryCountAsync(host, ticker.Id, attempt + 1);
            Assert.Equal(TickerStatus.Idle, retry.Status);
            Assert.Equal(failedAt.AddSeconds(expectedDelays[attempt]), retry.ExecutionTime);
            Assert.Contains($"attempt {attempt} failed on purpose", retry.ExceptionMessage);
            await host.AdvanceAsync(TimeSpan.FromSeconds(expectedDelays[attempt]), TimeSpan.FromSeconds(1));
        }

        var failed = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Failed);
        Assert.Equal(3, failed.RetryCount);
        Assert.Contains("System.InvalidOperationException: attempt 3 failed on purpose", failed.ExceptionMessage);
    }

    [Fact]
    public async Task A_ticker_that_fails_twice_then_succeeds_ends_Done_with_two_retries()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Throwing("Job", attempt => attempt < 2)));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", Retries = 5, RetryIntervals = [1] });

        await WaitForRetryCountAsync(host, ticker.Id, 1);
        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        await WaitForRetryCountAsync(host, ticker.Id, 2);
        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var done = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);

        Assert.Equal(2, done.RetryCount);
    }

    [Fact]
    public async Task A_ticker_cancelled_by_its_own_token_ends_Cancelled_and_is_not_retried()
    {
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(new TickerFunctionDescriptor(
            "Job",
            (_, _) =>
            {
                using var own = new CancellationTokenSource();
                own.Cancel();
                own.Token.ThrowIfCancellationRequested();
                return ValueTask.CompletedTask;
            })));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", Retries = 3 });

        var cancelled = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Cancelled);

        Assert.Equal(0, cancelled.RetryCount);
    }

    [Fact]
    public async Task A_cancel_request_fires_the_run_token_and_the_ticker_ends_Cancelled()
    {
        var started = new TaskCompletionSource();
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(new TickerFunctionDescriptor(
            "Job",
            async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            })));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", Retries = 3 });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var found = host.Services.GetRequiredService<ITickerRunCancellation>().TryCancel(ticker.Id);

        Assert.True(found);
        var cancelled = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Cancelled);
        Assert.Equal(0, cancelled.RetryCount);
    }

    [Fact]
    public async Task Shutdown_cancels_a_running_ticker_and_releases_it_without_counting_an_attempt()
    {
        var started = new TaskCompletionSource();
        var sawCancellation = false;
        var host = await TickerTestHost.StartAsync(t => t.AddFunction(new TickerFunctionDescriptor(
            "Job",
            async (context, token) =>
            {
                started.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    sawCancellation = context.CancellationToken.IsCancellationRequested;
                }
            })));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", Retries = 3 });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await host.StopAsync();
        var released = await host.GetAsync(ticker.Id);
        await host.DisposeAsync();

        Assert.True(sawCancellation);
        Assert.Equal(TickerStatus.Idle, released.Status);
        Assert.Equal(0, released.RetryCount);
        Assert.Null(released.LockHolder);
        Assert.Equal(ticker.ExecutionTime, released.ExecutionTime);
    }

    [Fact]
    public async Task Shutdown_releases_claims_that_were_waiting_for_their_due_time()
    {
        var host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Noop("Job")));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job", ExecutionTime = host.Now.AddMilliseconds(60) });
        await host.AdvanceAsync(TimeSpan.FromMilliseconds(50));
        await Eventually.TrueAsync(
            async () => (await host.GetAsync(ticker.Id)).Status == TickerStatus.InProgress,
            () => Task.FromResult("the ticker to be claimed ahead of its due time"));

        await host.StopAsync();
        var released = await host.GetAsync(ticker.Id);
        await host.DisposeAsync();

        Assert.Equal(TickerStatus.Idle, released.Status);
        Assert.Null(released.ExecutedAt);
    }

    [Fact]
    public async Task A_ticker_of_an_unknown_function_ends_Failed_with_a_message_naming_it()
    {
        var id = Guid.NewGuid();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Job")),
            seed: store => store.InsertAsync(
                [new TickerRecord { Id = id, Function = "Gone", Retries = 3, ExecutionTime = TickerTestHost.Start.UtcDateTime }],
                default));

        var failed = await host.WaitForStatusAsync(id, TickerStatus.Failed);

        Assert.Contains("no ticker function named 'Gone'", failed.ExceptionMessage);
        Assert.Equal(0, failed.RetryCount);
    }

    [Fact]
    public async Task A_ticker_whose_request_does_not_decode_ends_Failed_and_the_function_is_never_called()
    {
        var called = 0;
        var codec = TickerRequestCodecs.FromJsonTypeInfo(TestJsonContext.Default.Payload);
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(new TickerFunctionDescriptor(
            "Job",
            (context, _) =>
            {
                TickerHelper.DecodeRunRequest(context, codec);
                Interlocked.Increment(ref called);
                return ValueTask.CompletedTask;
            })));
        var ticker = await host.AddAsync(new TimeTickerEntity
        {
            Function = "Job",
            Retries = 3,
            Request = "{ not json"u8.ToArray(),
        });

        var failed = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Failed);

        Assert.Equal(0, called);
        Assert.Contains("is not a valid Payload for function 'Job'", failed.ExceptionMessage);
    }

    [Fact]
    public async Task A_ticker_without_a_request_for_a_function_that_needs_one_ends_Failed()
    {
        var codec = TickerRequestCodecs.FromJsonTypeInfo(TestJsonContext.Default.Payload);
        await using var host = await TickerTestHost.StartAsync(t => t.AddFunction(new TickerFunctionDescriptor(
            "Job",
            (context, _) =>
            {
                TickerHelper.DecodeRunRequest(context, codec);
                return ValueTask.CompletedTask;
            })));
        var ticker = await host.AddAsync(new TimeTickerEntity { Function = "Job" });

        var failed = await host.WaitForStatusAsync(ticker.Id, TickerStatus.Failed);

        Assert.Contains("has no request, but function 'Job' needs a Payload", failed.ExceptionMessage);
    }

    private static async Task<TickerRecord> WaitForRetryCountAsync(TickerTestHost host, Guid id, int count)
    {
        await Eventually.TrueAsync(
            async () => (await host.GetAsync(id)) is { Status: TickerStatus.Idle } record && record.RetryCount == count,
            async () => $"retry {count}; the ticker is {(await host.GetAsync(id)).Status} after {(await host.GetAsync(id)).RetryCount}");

        return await host.GetAsync(id);
    }
}

public sealed record Payload(string Name);

[JsonSerializable(typeof(Payload))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
