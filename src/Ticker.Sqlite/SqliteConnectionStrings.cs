using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>Turns what the user passed (a file path or a connection string) into the connection string the store
/// opens.</summary>
internal static class SqliteConnectionStrings
{
    /// <summary>
    /// A connection string for <paramref name="connectionStringOrPath"/>: text with an <c>=</c> is read as a
    /// connection string, anything else as a file path. Pooling is turned off because the store keeps its connections
    /// open for its whole life; a pooled connection would only keep the file open after the store is disposed.
    /// </summary>
    public static string Build(string connectionStringOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);

        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        builder.Pooling = false;

        return builder.ToString();
    }

    /// <summary>Whether the database lives in memory, where each connection would see an empty database of its own.
    /// </summary>
    public static bool IsInMemory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);

        return builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource == ":memory:";
    }
}
