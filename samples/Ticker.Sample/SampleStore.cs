using Npgsql;

namespace Ticker.Sample;

/// <summary>Empties the sample's store before a run, so every run starts from nothing.</summary>
internal static class SampleStore
{
    /// <summary>The schema the sample's tables live in on PostgreSQL; the sample drops it at start.</summary>
    public const string PostgreSqlSchema = "ticker_sample";

    public static void DeleteSqliteFiles(string databasePath)
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public static async Task DropPostgreSqlSchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {PostgreSqlSchema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
