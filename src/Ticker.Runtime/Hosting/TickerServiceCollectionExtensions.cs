using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ticker in a service collection.</summary>
public static class TickerServiceCollectionExtensions
{
    /// <summary>Adds the Ticker managers, scheduler and hosted service, with an in-memory store unless another store is
    /// configured on the returned builder.</summary>
    public static Ticker.TickerBuilder AddTicker(this IServiceCollection services) => AddTicker(services, _ => { });

    /// <summary>Adds Ticker with options set by <paramref name="configure"/>.</summary>
    public static Ticker.TickerBuilder AddTicker(
        this IServiceCollection services,
        Action<Ticker.TickerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<Ticker.TickerOptions>().Configure(configure);

        return AddCore(services);
    }

    /// <summary>Adds Ticker with its options bound from <paramref name="configuration"/> (such as the
    /// <c>Ticker</c> section) without reflection.</summary>
    public static Ticker.TickerBuilder AddTicker(this IServiceCollection services, IConfiguration configuration) =>
        AddTicker(services, configuration, _ => { });

    /// <summary>Adds Ticker with its options bound from <paramref name="configuration"/>, then adjusted by
    /// <paramref name="configure"/>.</summary>
    public static Ticker.TickerBuilder AddTicker(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<Ticker.TickerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<Ticker.TickerOptions>().Bind(configuration).Configure(configure);

        return AddCore(services);
    }

    private static Ticker.TickerBuilder AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<Ticker.TickerOptions>>().Value);
        services.TryAddSingleton<Ticker.ITickerStore>(
            provider => new Ticker.InMemoryTickerStore(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new Ticker.TickerFunctionTable(
            Ticker.TickerFunctionRegistry.Registered.Concat(
                provider.GetServices<Ticker.TickerFunctionDescriptor>())));
        services.TryAddSingleton<Ticker.SchedulerWakeSignal>();
        services.TryAddSingleton<Ticker.StoreBackoff>();
        services.TryAddSingleton<Ticker.HeldLeases>();
        services.TryAddSingleton<Ticker.TickerValidator>();
        services.TryAddSingleton<Ticker.CompletionWriter>();
        services.TryAddSingleton<Ticker.TickerExecutor>();
        services.TryAddSingleton<Ticker.ITickerRunCancellation>(
            provider => provider.GetRequiredService<Ticker.TickerExecutor>());
        services.TryAddSingleton<Ticker.TickerScheduler>();
        services.TryAddSingleton<Ticker.DueTimer>();
        services.TryAddSingleton<Ticker.LeaseKeeper>();
        services.TryAddSingleton(typeof(Ticker.ITimeTickerManager<>), typeof(Ticker.TimeTickerManager<>));
        services.TryAddSingleton(
            typeof(Ticker.ITickerPersistenceProvider<>), typeof(Ticker.TickerPersistenceProvider<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Ticker.TickerHostedService>());
        Ticker.CronServices.Add(services);

        return new Ticker.TickerBuilder(services);
    }
}
