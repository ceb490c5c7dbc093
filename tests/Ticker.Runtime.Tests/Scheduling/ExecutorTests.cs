using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Ticker.Tests.Support;

namespace Ticker.Tests.Scheduling;

public sealed class ExecutorTests
{
    [Fact]
    public async Task Async_runs_never_exceed_MaxConcurrency_at_once()
    {
        var gauge = new ConcurrencyGauge();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(new TickerFunctionDescriptor("Slow", async (_, token) =>
            {
                using (gauge.Enter())
                {
                    await Task.Delay(20, token);
                }
            })),
            o => o.MaxConcurrency = 3);

        var tickers = Enumerable.Range(0, 30).Select(_ => new TimeTickerEntity { Function = "Slow" }).ToList();
        Assert.True((await host.Manager.AddBatchAsync(tickers)).IsSucceeded);
        foreach (var ticker in tickers)
        {
            await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        }

        Assert.Equal(3, gauge.Peak);
    }

    [Fact]
    public async Task A_function_limit_holds_even_when_workers_are_free()
    {
        var gauge = new ConcurrencyGauge();
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(new TickerFunctionDescriptor("Single", async (_, token) =>
            {
                using (gauge.Enter())
                {
                    await Task.Delay(10, token);
                }
            })
            { MaxConcurrency = 1 }),
            o => o.MaxConcurrency = 4);

        var tickers = Enumerable.Range(0, 12).Select(_ => new TimeTickerEntity { Function = "Single" }).ToList();
        Assert.True((await host.Manager.AddBatchAsync(tickers)).IsSucceeded);
        foreach (var ticker in tickers)
        {
            await host.WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        }

        Assert.Equal(1, gauge.Peak);
    }

    [Fact]
    public async Task High_priority_runs_take_a_free_worker_before_earlier_due_low_priority_runs()
    {
        var blocker = new TaskCompletionSource();
        var order = new ConcurrentQueue<string>();
        await using var host = await TickerTestHost.StartAsync(
            t => t
                .AddFunction(new TickerFunctionDescriptor("Block", async (_, _) => await blocker.Task))
                .AddFunction(new TickerFunctionDescriptor("Low", (c, _) => Record(order, "Low"))
                {
                    Priority = TickerPriority.Low,
                })
                .AddFunction(new TickerFunctionDescriptor("High", (c, _) => Record(order, "High"))
                {
                    Priority = TickerPriority.High,
                }),
            o => o.MaxConcurrency = 1);
        var block = await host.AddAsync(new TimeTickerEntity { Function = "Block" });
        await Eventually.TrueAsync(
            async () => (await host.GetAsync(block.Id)).Status == TickerStatus.InProgress,
            () => Task.FromResult("the blocker to run"));
        var low = await host.AddAsync(new TimeTickerEntity { Function = "Low", ExecutionTime = host.Now.AddMilliseconds(-5) });
        var high = await host.AddAsync(new TimeTickerEntity { Function = "High" });
        await Task.Delay(200);

        blocker.SetResult();
        await host.WaitForStatusAsync(low.Id, TickerStatus.Done);
        await host.WaitForStatusAsync(high.Id, TickerStatus.Done);

        Assert.Equal(["High", "Low"], order.ToArray());
    }

    [Fact]
    public async Task Each_run_gets_its_own_scope_disposed_when_the_run_ends()
    {
        var scoped = new ConcurrentQueue<ScopedThing>();
        await using var host = await TickerTestHost.StartAsync(t =>
        {
            t.Services.AddScoped<ScopedThing>();
            t.AddFunction(new TickerFunctionDescriptor("Job", (context, _) =>
            {
                scoped.Enqueue(context.Services.GetRequiredService<ScopedThing>());
                return ValueTask.CompletedTask;
            }));
        });
        var first = await host.AddAsync(new TimeTickerEntity { Function = "Job" });
        var second = await host.AddAsync(new TimeTickerEntity { Function = "Job" });

        await host.WaitForStatusAsync(first.Id, TickerStatus.Done);
        await host.WaitForStatusAsync(second.Id, TickerStatus.Done);

        Assert.Equal(2, scoped.Distinct().Count());
        Assert.All(scoped, thing => Assert.True(thing.Disposed));
    }

    private static ValueTask Record(ConcurrentQueue<string> order, string name)
    {
        order.Enqueue(name);
        return ValueTask.CompletedTask;
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class ConcurrencyGauge
    {
        private int _current;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public IDisposable Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            return new Exit(this);
        }

        private sealed class Exit(ConcurrencyGauge gauge) : IDisposable
        {
            public void Dispose() => Interlocked.Decrement(ref gauge._current);
        }
    }
}
