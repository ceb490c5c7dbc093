using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>Sets the parameters <see cref="SqliteSession.Command"/> declared.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets the parameter <paramref name="name"/> (with its <c>$</c>); <see langword="null"/> binds
    /// <c>NULL</c>.</summary>
    public static void Set(this SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>Sets a GUID parameter in the store's byte order.</summary>
    public static void Set(this SqliteCommand command, string name, Guid value) =>
        command.Parameters[name].Value = SqliteValues.FromGuid(value);

    /// <summary>Sets a time parameter as UTC ticks.</summary>
    public static void Set(this SqliteCommand command, string name, DateTime value) =>
        command.Parameters[name].Value = SqliteValues.ToTicks(value);

    /// <summary>Sets an optional GUID parameter.</summary>
    public static void Set(this SqliteCommand command, string name, Guid? value) =>
        command.Parameters[name].Value = value is { } id ? SqliteValues.FromGuid(id) : DBNull.Value;

    /// <summary>Sets an optional time parameter.</summary>
    public static void Set(this SqliteCommand command, string name, DateTime? value) =>
        command.Parameters[name].Value = value is { } time ? SqliteValues.ToTicks(time) : DBNull.Value;
}
