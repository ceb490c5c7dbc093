namespace Ticker;

/// <summary>Settings of a <see cref="PostgreSqlTickerStore"/>.</summary>
public sealed class PostgreSqlTickerStoreOptions
{
    /// <summary>The Npgsql connection string of the database that every node shares.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The schema that holds the store's tables, used as written (case-sensitive). Default
    /// <see cref="PostgreSqlTickerSchema.DefaultSchema"/> (<c>ticker</c>). Several independent clusters may share one
    /// database in different schemas.</summary>
    public string Schema { get; set; } = PostgreSqlTickerSchema.DefaultSchema;

    /// <summary>The <c>LISTEN/NOTIFY</c> channel on which the store announces tickers that became due soon, used as
    /// written (case-sensitive). Default <c>ticker_due</c>; give each schema its own channel.</summary>
    public string NotificationChannel { get; set; } = "ticker_due";

    /// <summary>A write notifies listening nodes when the ticker it makes claimable is due within this time of now.
    /// Tickers due later are found by the nodes' next look at the store (their safety poll), so keep this longer than
    /// <see cref="TickerOptions.SafetyPollInterval"/>. Default five minutes.</summary>
    public TimeSpan NotifyHorizon { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether <see cref="PostgreSqlTickerStore.InitializeAsync"/> creates and migrates the schema. Turn off
    /// when the schema is migrated with <see cref="PostgreSqlTickerSchema.Scripts"/> by other tools; the store then only
    /// checks that the schema is current. Default on.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The node's clock, used only to express a lease expiry (database time) as a wake-up time on this node.
    /// Default <see cref="TimeProvider.System"/>; <c>UsePostgreSqlStore</c> passes the registered clock.</summary>
    public TimeProvider NodeClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// For tests only: stamp and judge leases by this clock instead of the database's <c>now()</c>. Leave it
    /// <see langword="null"/> (the default) in production: nodes' clocks disagree, and leases are only safe across
    /// nodes when one clock, the database's, judges them.
    /// </summary>
    /// <remarks>The statements are the same with or without it; the clock's time replaces <c>now()</c> as a parameter.
    /// The shared store conformance suite sets it to drive lease expiry exactly.</remarks>
    public TimeProvider? LeaseClockOverride { get; set; }

    /// <summary>The longest wait between attempts to re-open the notification connection. Default 30 seconds.</summary>
    public TimeSpan MaxListenRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
