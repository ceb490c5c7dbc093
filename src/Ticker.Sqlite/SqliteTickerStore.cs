namespace Ticker;

/// <summary>
/// A store in one SQLite database file: durable across restarts, and safe for several processes that open the same
/// file, each judging leases by the clock given to it here.
/// </summary>
/// <remarks>
/// <para>
/// Connections: the store keeps two connections open for its whole life, one for writes and one for reads, each
/// used by one operation at a time behind an async gate. SQLite commits one writer at a time per file whatever the
/// number of connections, so a pool of writing connections would only move the queue from the gate, which hands over
/// at once, to SQLite's file lock, which waits by sleeping. A long-lived connection also keeps every statement
/// prepared. Reads get the second connection because under WAL a reader sees a snapshot while a write is in progress,
/// so a dashboard query never delays a claim. A database in memory uses one connection for both, as each connection
/// to <c>:memory:</c> would see a database of its own.
/// </para>
/// <para>
/// Transactions: every write is one <c>BEGIN IMMEDIATE</c> transaction, which takes the file's write lock before it
/// reads, so that two processes never claim the same row and no transaction fails half-way because another process
/// began writing first; a process waits up to <c>busy_timeout</c> (10 s) for another's lock. The journal is WAL with
/// <c>synchronous = NORMAL</c>: a commit survives the process being killed; a power cut may lose the last commits but
/// not corrupt the file.
/// </para>
/// <para>
/// Once a call has its connection, its statements run on the calling thread: Microsoft.Data.Sqlite's async methods
/// are synchronous anyway, and a statement on a local file takes microseconds. A cancelled token stops the wait for
/// the connection; a statement that has started runs to its end.
/// </para>
/// </remarks>
public sealed partial class SqliteTickerStore : ITickerStore, IDisposable
{
    private readonly TimeProvider _clock;
    private readonly SqliteSession _writer;
    private readonly SqliteSession _reader;
    private volatile bool _initialized;

    /// <summary>A store on the database <paramref name="connectionStringOrPath"/> names: a file path (created when
    /// missing), or a Microsoft.Data.Sqlite connection string (any text containing <c>=</c>).</summary>
    /// <param name="connectionStringOrPath">The database file or connection string.</param>
    /// <param name="clock">The clock leases are stamped and judged by; every node sharing the file should use the same
    /// time source.</param>
    public SqliteTickerStore(string connectionStringOrPath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        var connectionString = SqliteConnectionStrings.Build(connectionStringOrPath);
        _clock = clock;
        _writer = new SqliteSession(connectionString);
        _reader = SqliteConnectionStrings.IsInMemory(connectionString) ? _writer : new SqliteSession(connectionString);
    }

    /// <summary>The schema version this store creates and expects.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <inheritdoc />
    /// <remarks>Also runs on the first call of any other operation, so a ticker can be added before the host starts.
    /// </remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.RunAsync(
            _clock,
            static (session, clock) => SqliteSchema.Migrate(session, clock.GetUtcNow().UtcDateTime),
            cancellationToken).ConfigureAwait(false);
        _initialized = true;
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> InsertAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        if (records.Count == 0)
        {
            return StoreWriteResult.Applied(0);
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(records, SqliteTickerWrites.InsertAll, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(records, SqliteTickerWrites.UpdateAllIdle, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(ids, SqliteTickerWrites.DeleteAll, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _reader.RunAsync(id, SqliteTickerReads.Get, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _reader.RunAsync(query, SqliteTickerReads.Query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(
            (Claim: claim, Clock: _clock),
            static (session, state) => SqliteTickerClaims.ClaimDue(session, state.Claim, Now(state.Clock)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> CompleteAsync(
        IReadOnlyList<TickerCompletion> completions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);

        if (completions.Count == 0)
        {
            return 0;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(
            (Completions: completions, Clock: _clock),
            static (session, state) =>
                SqliteTickerCompletions.CompleteAll(session, state.Completions, Now(state.Clock)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(leases);

        if (leases.Count == 0)
        {
            return 0;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _writer.RunAsync(
            (Owner: owner, Leases: leases, Length: leaseLength, Clock: _clock),
            static (session, state) =>
                SqliteTickerClaims.RenewAll(session, state.Owner, state.Leases, Now(state.Clock) + state.Length),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        return await _reader.RunAsync(
            0,
            static (session, _) => SqliteTickerReads.NextWakeTime(session),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the store's connections, after the operations in flight have finished.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        if (!ReferenceEquals(_reader, _writer))
        {
            _reader.Dispose();
        }
    }

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    private Task EnsureInitializedAsync(CancellationToken cancellationToken) =>
        _initialized ? Task.CompletedTask : InitializeAsync(cancellationToken);
}
