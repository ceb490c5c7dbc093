namespace Ticker.Harness;

/// <summary>Puts Ticker on its SQLite store. Until src/Ticker.Sqlite exists the harness has no SQLite contender.
/// </summary>
internal static class TickerSqlite
{
    public static bool IsAvailable => false;

    public static void Use(TickerBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);

        throw new NotSupportedException($"Ticker.Sqlite is not built yet; cannot open {path}.");
    }
}
