using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ticker.Tests.Support;

/// <summary>A real host running Ticker on an in-memory store and a fake clock that tests move by hand.</summary>
internal sealed class TickerTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TickerTestHost(IHost host, FakeTimeProvider clock, InMemoryTickerStore store)
    {
        _host = host;
        Clock = clock;
        Store = store;
    }

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public InMemoryTickerStore Store { get; }

    public IServiceProvider Services => _host.Services;

    public ITimeTickerManager<TimeTickerEntity> Manager =>
        Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<TickerTestHost> StartAsync(
        Action<TickerBuilder> configure,
        Action<TickerOptions>? options = null,
        Func<InMemoryTickerStore, Task>? seed = null,
        Func<ITickerStore, ITickerStore>? wrapStore = null,
        InMemoryTickerStore? sharedStore = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var clock = new FakeTimeProvider(Start);
        var store = sharedStore ?? new InMemoryTickerStore(clock);
        if (seed is not null)
        {
            await seed(store);
        }

        var builder = Host.CreateApplicationBuilder();
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        var ticker = builder.Services.AddTicker(o =>
        {
            o.MaxConcurrency = 4;
            o.NodeId = "test-node";
            options?.Invoke(o);
        });
        ticker.UseStore(_ => wrapStore is null ? store : wrapStore(store));
        configure(ticker);
        var host = builder.Build();
        await host.StartAsync();

        return new TickerTestHost(host, clock, store);
    }

    public async Task<TickerRecord> AddAsync(TimeTickerEntity entity)
    {
        var result = await Manager.AddAsync(entity);
        Assert.True(result.IsSucceeded, result.Exception?.ToString());

        return (await Store.GetAsync(entity.Id, default))!;
    }

    public async Task<TickerRecord> GetAsync(Guid id) => (await Store.GetAsync(id, default))!;

    /// <summary>Waits in real time (the scheduler runs on the thread pool) for a ticker to reach a status.</summary>
    public async Task<TickerRecord> WaitForStatusAsync(Guid id, TickerStatus status)
    {
        await Eventually.TrueAsync(async () => (await GetAsync(id)).Status == status,
            async () => $"ticker {id} to reach {status}, but it is {(await GetAsync(id)).Status}");

        return await GetAsync(id);
    }

    /// <summary>Moves the clock in small steps, so that the scheduler sees every timer it armed on the way.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var stepSize = step ?? TimeSpan.FromMilliseconds(50);
        for (var moved = TimeSpan.Zero; moved < by; moved += stepSize)
        {
            Clock.Advance(by - moved < stepSize ? by - moved : stepSize);
            await Task.Delay(1);
        }
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
