using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>Configures Ticker to keep its tickers in PostgreSQL.</summary>
public static class PostgreSqlTickerBuilderExtensions
{
    /// <summary>The safety poll this store sets when the application set none: notifications reach listening nodes at
    /// once, the poll only covers tickers due beyond the notify horizon and anything a lost connection missed.</summary>
    public static readonly TimeSpan DefaultSafetyPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Keeps tickers in the PostgreSQL database <paramref name="connectionString"/> names, in the schema
    /// <paramref name="schema"/> (created and migrated on start). Every node of a cluster uses the same database and
    /// schema; leases are judged by the database's clock. The store is also registered as
    /// <see cref="PostgreSqlTickerStore"/>, for <see cref="PostgreSqlTickerStore.EnqueueAsync"/> in the application's
    /// own transactions, and <see cref="PostgreSqlTickerStore.RequestCancelAsync"/> from any node reaches this node's
    /// runs. Sets <see cref="TickerOptions.SafetyPollInterval"/> to
    /// <see cref="DefaultSafetyPollInterval"/> unless the application set one.
    /// </summary>
    public static TickerBuilder UsePostgreSqlStore(
        this TickerBuilder builder,
        string connectionString,
        string schema = PostgreSqlTickerSchema.DefaultSchema,
        Action<PostgreSqlTickerStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);

        builder.Services.AddSingleton(provider => CreateStore(provider, connectionString, schema, configure));
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IHostedService, PostgreSqlCancellationForwarder>());
        builder.Services.PostConfigure<TickerOptions>(options => options.SafetyPollInterval ??= DefaultSafetyPollInterval);

        return builder.UseStore(provider => provider.GetRequiredService<PostgreSqlTickerStore>());
    }

    private static PostgreSqlTickerStore CreateStore(
        IServiceProvider provider,
        string connectionString,
        string schema,
        Action<PostgreSqlTickerStoreOptions>? configure)
    {
        var options = new PostgreSqlTickerStoreOptions
        {
            ConnectionString = connectionString,
            Schema = schema,
            NodeClock = provider.GetRequiredService<TimeProvider>(),
        };
        configure?.Invoke(options);

        return new PostgreSqlTickerStore(options, provider.GetService<ILogger<PostgreSqlTickerStore>>());
    }
}
