using Microsoft.Extensions.DependencyInjection;

namespace Ticker;

/// <summary>Configures Ticker to keep its tickers in SQLite.</summary>
public static class SqliteTickerBuilderExtensions
{
    /// <summary>
    /// Keeps tickers in the SQLite database at <paramref name="path"/> (a file path, created with its schema on first
    /// start, or a Microsoft.Data.Sqlite connection string). Leases are judged by the registered
    /// <see cref="TimeProvider"/>. Several processes may use the same file.
    /// </summary>
    public static TickerBuilder UseSqliteStore(this TickerBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        return builder.UseStore(provider => new SqliteTickerStore(path, provider.GetRequiredService<TimeProvider>()));
    }
}
