using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Tests.Hosting;

public sealed class EndToEndTests
{
    [Fact]
    public async Task A_ticker_added_through_the_manager_runs_once_on_the_real_clock()
    {
        var runs = new ConcurrentBag<Guid>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTicker(o => o.MaxConcurrency = 4)
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

        var stored = await WaitForStatusAsync(provider, result.Result!.Id, TickerStatus.Done);
        await host.StopAsync();

        Assert.Equal([result.Result.Id], runs.ToArray());
        Assert.True(stored.ExecutedAt >= stored.ExecutionTime, "The run started before its due time.");
    }

    private static async Task<TimeTickerEntity> WaitForStatusAsync(
        ITickerPersistenceProvider<TimeTickerEntity> provider, Guid id, TickerStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            var ticker = await provider.GetTimeTickerByIdAsync(id);
            if (ticker?.Status == status)
            {
                return ticker;
            }

            await Task.Delay(25);
        }

        var last = await provider.GetTimeTickerByIdAsync(id);
        throw new Xunit.Sdk.XunitException($"Ticker {id} did not reach {status}; it is {last?.Status}.");
    }
}
