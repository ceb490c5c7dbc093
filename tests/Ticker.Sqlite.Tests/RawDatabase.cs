using Microsoft.Data.Sqlite;

namespace Ticker.Sqlite.Tests;

/// <summary>Reads a store's file with a connection of its own, to check what the store wrote.</summary>
public static class RawDatabase
{
    public static T Scalar<T>(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        return (T)command.ExecuteScalar()!;
    }

    public static List<string> Column(string path, string sql, int ordinal = 0)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();

        return connection;
    }
}
