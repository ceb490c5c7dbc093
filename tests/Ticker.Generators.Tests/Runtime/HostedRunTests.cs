using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Generators.Tests.Runtime;

/// <summary>A generated function scheduled through the manager runs in a real host with no hand-written wiring.</summary>
public sealed class HostedRunTests
{
    [Fact]
    public async Task A_ticker_created_by_the_typed_helper_runs_its_instance_function()
    {
        var log = new GreetingLog();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IGreetingLog>(log);
        builder.Services.AddTicker();
        using var host = builder.Build();
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();

        var result = await manager.AddAsync(TickerFunctions.Tests_InstanceGreet.Create(new GreetingRequest("Host", 1)));
        Assert.True(result.IsSucceeded, result.Exception?.ToString());
        var status = await WaitForFinalStatusAsync(host.Services, result.Result!.Id);
        await host.StopAsync();

        Assert.Equal(TickerStatus.Done, status);
        Assert.Equal(["Hello Host (Tests.InstanceGreet)"], log.Lines);
    }

    [Fact]
    public async Task A_ticker_with_a_corrupt_request_fails_without_running()
    {
        var log = new GreetingLog();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IGreetingLog>(log);
        builder.Services.AddTicker();
        using var host = builder.Build();
        await host.StartAsync();
        var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();

        var result = await manager.AddAsync(new TimeTickerEntity
        {
            Function = TickerFunctions.Tests_InstanceGreet.Name,
            Request = "{\"Name\":"u8.ToArray(),
            Retries = 3,
        });
        var status = await WaitForFinalStatusAsync(host.Services, result.Result!.Id);
        await host.StopAsync();

        Assert.Equal(TickerStatus.Failed, status);
        Assert.Empty(log.Lines);
    }

    private static async Task<TickerStatus> WaitForFinalStatusAsync(IServiceProvider services, Guid id)
    {
        var provider = services.GetRequiredService<ITickerPersistenceProvider<TimeTickerEntity>>();
        for (var i = 0; i < 400; i++)
        {
            var ticker = await provider.GetTimeTickerByIdAsync(id);
            if (ticker?.Status is TickerStatus.Done or TickerStatus.Failed)
            {
                return ticker.Status;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"Ticker {id} did not finish.");
    }
}
