using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ticker;

/// <summary>Configures Ticker after <c>AddTicker</c>: its store and extra functions.</summary>
public sealed class TickerBuilder
{
    internal TickerBuilder(IServiceCollection services)
    {
        Services = services;

        // Registered after the node's hosted service, so it subscribes once the store is initialized.
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreNotificationForwarder>());
    }

    /// <summary>The application's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a function to the table, besides those the generator registers.</summary>
    public TickerBuilder AddFunction(TickerFunctionDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);

        Services.AddSingleton(descriptor);

        return this;
    }

    /// <summary>Keeps tickers in memory (the default when no other store is configured).</summary>
    public TickerBuilder UseInMemoryStore()
    {
        Services.Replace(ServiceDescriptor.Singleton<ITickerStore>(
            provider => new InMemoryTickerStore(provider.GetRequiredService<TimeProvider>())));

        return this;
    }

    /// <summary>Uses the store <paramref name="factory"/> builds.</summary>
    public TickerBuilder UseStore(Func<IServiceProvider, ITickerStore> factory)
    {
        Services.Replace(ServiceDescriptor.Singleton(factory));

        return this;
    }
}
