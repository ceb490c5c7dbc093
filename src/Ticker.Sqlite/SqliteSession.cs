using System.Data;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>
/// One connection the store keeps open for its whole life, used by one operation at a time, with the commands of
/// that connection prepared once and reused: SQLite keeps a command's compiled statement for as long as its text and
/// connection stay the same, so a batch of a thousand inserts compiles the INSERT once.
/// </summary>
internal sealed partial class SqliteSession : IDisposable
{
    /// <summary>How long a statement waits for another process's write lock before it fails, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>A session on <paramref name="connectionString"/>; the connection opens on first use.</summary>
    public SqliteSession(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
    }

    /// <summary>Runs <paramref name="work"/> alone on this connection: other callers wait their turn, without holding a
    /// thread, until it returns.</summary>
    public async Task<TResult> RunAsync<TState, TResult>(
        TState state,
        Func<SqliteSession, TState, TResult> work,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Open();

            return work(this, state);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a write transaction with <c>BEGIN IMMEDIATE</c>: the write lock is taken at once, so the
    /// transaction never fails half-way because another process started writing first.</summary>
    public SqliteTransaction BeginImmediate() => _connection.BeginTransaction(IsolationLevel.Serializable, false);

    /// <summary>Starts a read transaction (<c>BEGIN DEFERRED</c>): under WAL it reads one snapshot and blocks no
    /// writer.</summary>
    public SqliteTransaction BeginRead() => _connection.BeginTransaction(IsolationLevel.Serializable, true);

    /// <summary>The prepared command for <paramref name="sql"/>, enlisted in <paramref name="transaction"/>, with a
    /// parameter for each <c>$name</c> in the text. Set every parameter before each execution.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = CreateCommand(sql);
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;

        return command;
    }

    /// <summary>A one-off command, such as a migration script, that is not worth keeping prepared.</summary>
    public SqliteCommand Unprepared(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;

        return command;
    }

    /// <summary>Runs <paramref name="sql"/> outside any transaction.</summary>
    public void Execute(string sql)
    {
        using var command = Unprepared(sql, null);
        command.ExecuteNonQuery();
    }

    /// <summary>Closes the connection once the operation in flight, if any, has finished.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _gate.Wait();
        _disposed = true;
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection.Dispose();
        _gate.Release();
    }

    [GeneratedRegex(@"\$[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterName();

    private void Open()
    {
        if (_connection.State == ConnectionState.Open)
        {
            return;
        }

        _connection.Open();
        Execute($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    }

    private SqliteCommand CreateCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(match => match.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }
}
