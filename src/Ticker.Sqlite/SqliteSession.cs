using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>
/// One connection the store keeps open for its whole life, used by one operation at a time, with its statements
/// compiled once and reused: the first insert compiles the INSERT, and every row and batch after it reuses it.
/// </summary>
/// <remarks>
/// Operations run in turn on a thread of the session's own. SQLite's calls block, and run on thread-pool threads
/// they would take the threads that start due jobs and run them: on a machine with two cores the pool keeps about
/// two threads, so a claim and a completion batch in progress would stall every job until the pool grew.
/// </remarks>
internal sealed class SqliteSession : IDisposable
{
    /// <summary>Set on every connection: wait up to 10 s for another process's write lock; WAL, so that readers and
    /// the writer do not block each other; <c>NORMAL</c> sync, which in WAL mode loses no commit to a killed process;
    /// a 16 MiB page cache, so the indexes a claim walks stay in memory; temporary tables (the claim's picked rows)
    /// in memory.</summary>
    private const string Pragmas =
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; " +
        "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;";

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>A session on <paramref name="connectionString"/>; the connection opens on first use.</summary>
    public SqliteSession(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _thread = new Thread(Pump) { IsBackground = true, Name = "Ticker SQLite session" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> alone on this connection, on the session's thread; callers wait their
    /// turn without holding a thread. A cancelled token drops work that has not started.</summary>
    public Task<TResult> RunAsync<TState, TResult>(
        TState state,
        Func<SqliteSession, TState, TResult> work,
        CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(() => Run(state, work, result, cancellationToken), CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Adding was completed: the session was disposed.
            result.TrySetException(new ObjectDisposedException(nameof(SqliteSession)));
        }

        return result.Task;
    }

    /// <summary>Starts a write transaction with <c>BEGIN IMMEDIATE</c>: the write lock is taken at once, so the
    /// transaction never fails half-way because another process started writing first.</summary>
    public SqliteTransaction BeginImmediate() => _connection.BeginTransaction(IsolationLevel.Serializable, false);

    /// <summary>Starts a read transaction (<c>BEGIN DEFERRED</c>): under WAL it reads one snapshot and blocks no
    /// writer.</summary>
    public SqliteTransaction BeginRead() => _connection.BeginTransaction(IsolationLevel.Serializable, true);

    /// <summary>The compiled statement for <paramref name="sql"/>, compiled on first use. It runs in whatever
    /// transaction the connection has open.</summary>
    public PreparedStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(_connection.Handle!, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>A one-off command, such as a migration script, that is not worth keeping compiled.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;

        return command;
    }

    /// <summary>Closes the connection once the operations already queued have run.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _work.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _work.Dispose();
    }

    private void Pump()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _connection.Dispose();
    }

    private void Run<TState, TResult>(
        TState state,
        Func<SqliteSession, TState, TResult> work,
        TaskCompletionSource<TResult> result,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            result.TrySetCanceled(cancellationToken);
            return;
        }

        try
        {
            Open();
            result.TrySetResult(work(this, state));
        }
        catch (Exception exception)
        {
            result.TrySetException(exception);
        }
    }

    private void Open()
    {
        if (_connection.State == ConnectionState.Open)
        {
            return;
        }

        _connection.Open();
        using var pragmas = Command(Pragmas, null);
        pragmas.ExecuteNonQuery();
    }
}
