using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>
/// A store in a PostgreSQL database that many nodes share: each due ticker is claimed by exactly one node, leases are
/// stamped and judged by the database's clock, and a node killed mid-run loses nothing, as another takes its leases
/// over once they expire.
/// </summary>
/// <remarks>
/// <para>
/// Every operation is one statement, so one round trip and at most one commit: a batch insert, update or delete (all or
/// nothing), a claim of up to N rows (<c>FOR UPDATE SKIP LOCKED</c>, returning the rows with their request bytes), a
/// batch of fenced outcomes with the release or skip of the children of final ones, a batch of lease renewals.
/// Batches travel as one array per column.
/// </para>
/// <para>
/// Wake-ups: writes that make a ticker due within <see cref="PostgreSqlTickerStoreOptions.NotifyHorizon"/> send a
/// <c>NOTIFY</c>; the store keeps one listening connection while a node is subscribed
/// (<see cref="ITickerStoreNotifications"/>), so a ticker added on one node starts on time on any other.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlTickerStore : ITickerStore, ICronTickerStore, ITickerStoreNotifications,
    ICronStoreNotifications, IAsyncDisposable, IDisposable
{
    /// <summary>Tells this store's own cron-change notifications from other writers'.</summary>
    private readonly Guid _origin = Guid.NewGuid();

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlDataSource _listenerSource;
    private readonly PostgreSqlTickerStatements _sql;
    private readonly PostgreSqlCronStatements _cronSql;
    private readonly PostgreSqlNotificationListener _listener;
    private readonly TimeProvider? _leaseClock;
    private readonly TimeProvider _nodeClock;
    private readonly bool _migrateOnStart;
    private readonly string _cronGateKey;
    private readonly string _claimLockKey;
    private readonly string _cronChangePayload;
    private readonly ILogger _logger;
    private volatile bool _initialized;

    /// <summary>A store on the database and schema <paramref name="options"/> name. Nothing is opened until the first
    /// call.</summary>
    public PostgreSqlTickerStore(PostgreSqlTickerStoreOptions options, ILogger<PostgreSqlTickerStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentNullException.ThrowIfNull(options.NodeClock, nameof(options));

        Schema = options.Schema;
        NotificationChannel = options.NotificationChannel;
        NotifyHorizon = options.NotifyHorizon;
        _sql = new PostgreSqlTickerStatements(options.Schema);
        _cronSql = new PostgreSqlCronStatements(options.Schema);
        _leaseClock = options.LeaseClockOverride;
        _nodeClock = options.NodeClock;
        _migrateOnStart = options.MigrateOnStart;
        _cronGateKey = "ticker-cron:" + options.Schema + ":";
        _claimLockKey = "ticker-claim:" + options.Schema;
        _cronChangePayload = PostgreSqlValues.CronChangePrefix + _origin.ToString("N");
        _logger = logger ?? NullLogger<PostgreSqlTickerStore>.Instance;
        _source = NpgsqlDataSource.Create(options.ConnectionString);
        _listenerSource = NpgsqlDataSource.Create(ListenerConnectionString(options.ConnectionString));
        _listener = new PostgreSqlNotificationListener(
            _listenerSource, options.NotificationChannel, options.NodeClock, options.MaxListenRetryDelay, _logger);
    }

    /// <summary>The schema that holds the store's tables.</summary>
    public string Schema { get; }

    /// <summary>The channel the store notifies and listens on.</summary>
    public string NotificationChannel { get; }

    /// <summary>How soon a ticker must be due for its write to notify.</summary>
    public TimeSpan NotifyHorizon { get; }

    /// <inheritdoc />
    /// <remarks>Also runs on the first call of any other operation. With
    /// <see cref="PostgreSqlTickerStoreOptions.MigrateOnStart"/> off, only checks that the schema is current.</remarks>
    /// <exception cref="InvalidOperationException">Migration is off and the schema is older than this store needs.
    /// </exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_migrateOnStart)
        {
            var from = await PostgreSqlSchemaMigrator.MigrateAsync(_source, Schema, cancellationToken)
                .ConfigureAwait(false);
            LogMigration(from);
        }
        else
        {
            await CheckSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

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
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await InsertCoreAsync(connection, null, records, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // An id inserted by another writer after this statement's check: find it and refuse the batch.
                return await RefuseExistingAsync(connection, records, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        if (records.Count == 0)
        {
            return StoreWriteResult.Applied(0);
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.UpdateIdle);
        await using (command.ConfigureAwait(false))
        {
            AddClockAndChannel(command);
            PostgreSqlBatchParameters.BindUpdate(command, records);
            var row = await ReadNumbersAsync(command, cancellationToken).ConfigureAwait(false);
            var failure = row[1] == 1 ? StoreWriteFailure.NotFound : StoreWriteFailure.NotIdle;

            return row[0] is { } position
                ? StoreWriteResult.Refused(failure, (int)position - 1)
                : StoreWriteResult.Applied(records.Count);
        }
    }

    /// <inheritdoc />
    public async Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        if (ids.Count == 0)
        {
            return StoreWriteResult.Applied(0);
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.Delete);
        await using (command.ConfigureAwait(false))
        {
            command.AddArray("ids", NpgsqlDbType.Uuid, ids as Guid[] ?? [.. ids]);
            var row = await ReadNumbersAsync(command, cancellationToken).ConfigureAwait(false);

            return row[0] is { } missing
                ? StoreWriteResult.Refused(StoreWriteFailure.NotFound, (int)missing - 1)
                : StoreWriteResult.Applied((int)row[1]!.Value);
        }
    }

    /// <inheritdoc />
    public async Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.Get);
        await using (command.ConfigureAwait(false))
        {
            command.Add("id", NpgsqlDbType.Uuid, id);
            var rows = await PostgreSqlTickerRows.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);

            return rows.Count == 0 ? null : rows[0];
        }
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
        var command = _source.CreateCommand(_sql.Complete);
        await using (command.ConfigureAwait(false))
        {
            AddClockAndChannel(command);
            PostgreSqlBatchParameters.BindCompletions(command, completions);
            PostgreSqlChainRuleTable.Bind(command);
            var row = await ReadNumbersAsync(command, cancellationToken).ConfigureAwait(false);

            return (int)row[0]!.Value;
        }
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
        var command = _source.CreateCommand(_sql.Renew);
        await using (command.ConfigureAwait(false))
        {
            command.AddNow(_leaseClock);
            command.Add("owner", NpgsqlDbType.Text, owner);
            command.Add("lease_length", NpgsqlDbType.Interval, leaseLength);
            PostgreSqlBatchParameters.BindLeases(command, leases);

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>A lease expiry is returned on the node's clock: its distance from the database's now, added to the
    /// node's now.</remarks>
    public async Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var command = _source.CreateCommand(_sql.NextWake);
        await using (command.ConfigureAwait(false))
        {
            command.AddNow(_leaseClock);
            command.Add("node_now", NpgsqlDbType.TimestampTz, _nodeClock.GetUtcNow().UtcDateTime);
            var next = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);

            return next is DateTime time ? time : null;
        }
    }

    /// <inheritdoc />
    /// <remarks>The first subscriber opens the listening connection and the last one to leave closes it.</remarks>
    public IDisposable Subscribe(Action<DateTime> onDue) => _listener.Subscribe(onDue);

    /// <summary>Stops listening and closes every connection of the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _listenerSource.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening and closes every connection of the store.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The listening connection is its own, unpooled, and sends keep-alives, so that a connection lost while
    /// it waits quietly for notifications is noticed within seconds and re-opened.</summary>
    private static string ListenerConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 10;
        }

        return builder.ConnectionString;
    }

    private Task EnsureInitializedAsync(CancellationToken cancellationToken) =>
        _initialized ? Task.CompletedTask : InitializeAsync(cancellationToken);

    private void AddClockAndChannel(NpgsqlCommand command)
    {
        command.AddNow(_leaseClock);
        command.AddNotification(NotificationChannel, NotifyHorizon);
    }

    private void LogMigration(int from)
    {
        if (from < PostgreSqlTickerSchema.CurrentVersion)
        {
            Log.SchemaMigrated(_logger, Schema, from, PostgreSqlTickerSchema.CurrentVersion);
        }
    }
}
