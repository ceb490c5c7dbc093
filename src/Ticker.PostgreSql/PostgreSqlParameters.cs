using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>Adds typed parameters to the store's commands: typed so that a <c>NULL</c> or an empty array still tells
/// PostgreSQL its type, and generic where the value is never missing, so it is written without boxing.</summary>
internal static class PostgreSqlParameters
{
    /// <summary>A parameter that is never <c>NULL</c>.</summary>
    public static void Add<T>(this NpgsqlCommand command, string name, NpgsqlDbType type, T value) =>
        command.Parameters.Add(new NpgsqlParameter<T>(name, type) { TypedValue = value });

    /// <summary>An array parameter of <paramref name="elementType"/>.</summary>
    public static void AddArray<T>(this NpgsqlCommand command, string name, NpgsqlDbType elementType, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values });

    /// <summary>A parameter that may be <c>NULL</c>.</summary>
    public static void AddNullable(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    /// <summary><c>@now</c>: the test clock's time when one is set, else <c>NULL</c>, so SQL uses the database's
    /// <c>now()</c>.</summary>
    public static void AddNow(this NpgsqlCommand command, TimeProvider? leaseClock) =>
        command.AddNullable("now", NpgsqlDbType.TimestampTz, leaseClock?.GetUtcNow().UtcDateTime);

    /// <summary><c>@channel</c> and <c>@horizon</c> for the statements that notify.</summary>
    public static void AddNotification(this NpgsqlCommand command, string channel, TimeSpan horizon)
    {
        command.Add("channel", NpgsqlDbType.Text, channel);
        command.Add("horizon", NpgsqlDbType.Interval, horizon);
    }
}
