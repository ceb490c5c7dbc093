using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ticker;

/// <summary>
/// One compiled SQLite statement, kept for the life of its connection and run again and again with new values. It
/// binds by position, resolved once from the <c>$name</c>s in the text, and reads columns straight from SQLite.
/// </summary>
/// <remarks>
/// The store's hot statements (a thousand inserts in a batch, the claim, the completions) go through this thin layer
/// over SQLitePCLRaw, the library Microsoft.Data.Sqlite itself runs on, rather than through
/// <see cref="SqliteCommand"/>:
/// a command looks up every parameter by name in the compiled statement on every execution, converting the name to
/// UTF-8 each time, and opens a data reader even for an UPDATE, which together cost more than SQLite's own work on a
/// row. Transactions still go through the connection, so both layers share one transaction.
/// </remarks>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="sql"/> (one statement) on the connection <paramref name="database"/>.
    /// </summary>
    public PreparedStatement(sqlite3 database, string sql)
    {
        _database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var position = 1; position <= count; position++)
        {
            _positions.Add(raw.sqlite3_bind_parameter_name(_statement, position).utf8_to_string(), position);
        }
    }

    /// <summary>Binds an integer.</summary>
    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, Position(name), value));

    /// <summary>Binds text, or <c>NULL</c>.</summary>
    public void Bind(string name, string? value) => Check(value is null
        ? raw.sqlite3_bind_null(_statement, Position(name))
        : raw.sqlite3_bind_text(_statement, Position(name), value));

    /// <summary>Binds bytes, or <c>NULL</c>. SQLite copies them.</summary>
    public void Bind(string name, byte[]? value) => Check(value is null
        ? raw.sqlite3_bind_null(_statement, Position(name))
        : raw.sqlite3_bind_blob(_statement, Position(name), value));

    /// <summary>Binds a GUID in the store's byte order.</summary>
    public void Bind(string name, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        SqliteValues.WriteGuid(value, bytes);
        Check(raw.sqlite3_bind_blob(_statement, Position(name), bytes));
    }

    /// <summary>Binds a GUID, or <c>NULL</c>.</summary>
    public void Bind(string name, Guid? value)
    {
        if (value is { } id)
        {
            Bind(name, id);

            return;
        }

        Check(raw.sqlite3_bind_null(_statement, Position(name)));
    }

    /// <summary>Binds a time as UTC ticks.</summary>
    public void Bind(string name, DateTime value) => Bind(name, SqliteValues.ToTicks(value));

    /// <summary>Binds a time as UTC ticks, or <c>NULL</c>.</summary>
    public void Bind(string name, DateTime? value) => Bind(name, value is { } time ? SqliteValues.ToTicks(time) : null);

    /// <summary>Binds an integer, or <c>NULL</c>.</summary>
    public void Bind(string name, long? value) => Check(value is { } number
        ? raw.sqlite3_bind_int64(_statement, Position(name), number)
        : raw.sqlite3_bind_null(_statement, Position(name)));

    /// <summary>Runs a statement that returns no rows; returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            Step();

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Moves to the next row; <see langword="false"/> once there are no more. Call <see cref="Reset"/> after
    /// the last.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);

        return false;
    }

    /// <summary>Makes the statement ready to run again, with every parameter unbound.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    /// <summary>Whether the column of the current row is <c>NULL</c>.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>An integer column.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>A text column, or <see langword="null"/>.</summary>
    public string? Text(int column) =>
        IsNull(column) ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>A blob column, or <see langword="null"/>.</summary>
    public byte[]? Blob(int column) => IsNull(column) ? null : raw.sqlite3_column_blob(_statement, column).ToArray();

    /// <summary>A GUID column, or <see langword="null"/>.</summary>
    public Guid? Guid(int column) =>
        IsNull(column) ? null : SqliteValues.ReadGuid(raw.sqlite3_column_blob(_statement, column));

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => _statement.Dispose();

    private int Position(string name) => _positions[name];

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result);
        }
    }
}
