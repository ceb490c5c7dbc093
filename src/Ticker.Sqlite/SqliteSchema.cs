using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>
/// The store's tables as an ordered list of migrations. Each applied migration is recorded in
/// <c>ticker_schema_version</c>, so a database is brought up to date by running the scripts it has not seen, in
/// order, inside one <c>BEGIN IMMEDIATE</c> transaction that other processes opening the same file wait for.
/// </summary>
/// <remarks>
/// A migration is never edited once released: a change to the schema is a new script at the end. Times are
/// <see cref="DateTime.Ticks"/> in UTC, ids are the 16 bytes of the GUID in big-endian order (so that SQLite's
/// byte order sorts them as <see cref="Guid.CompareTo(Guid)"/> does), statuses and run conditions are the enum values.
/// The partial indexes are filtered on literal status values, which is why the statements that rely on them spell
/// those values out instead of binding them.
/// </remarks>
internal static class SqliteSchema
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS ticker_schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        """;

    private const string ReadVersion = "SELECT COALESCE(MAX(version), 0) FROM ticker_schema_version;";

    private const string RecordVersion =
        "INSERT INTO ticker_schema_version (version, applied_at) VALUES ($version, $applied_at);";

    /// <summary>The migrations, the first at index 0 bringing the schema to version 1.</summary>
    private static readonly string[] s_migrations =
    [
        """
        CREATE TABLE tickers (
            id BLOB NOT NULL,
            function TEXT NOT NULL,
            description TEXT,
            execution_time INTEGER NOT NULL,
            request BLOB,
            retries INTEGER NOT NULL,
            retry_intervals TEXT,
            status INTEGER NOT NULL,
            retry_count INTEGER NOT NULL,
            lock_holder TEXT,
            locked_at INTEGER,
            lease_expiry INTEGER,
            fence INTEGER NOT NULL,
            executed_at INTEGER,
            elapsed_ms INTEGER NOT NULL,
            exception_message TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            parent_id BLOB,
            run_condition INTEGER,
            awaiting_parent INTEGER NOT NULL,
            trace_parent TEXT
        );
        CREATE UNIQUE INDEX ux_tickers_id ON tickers (id);
        CREATE INDEX ix_tickers_due ON tickers (execution_time) WHERE status = 0 AND awaiting_parent = 0;
        CREATE INDEX ix_tickers_lease ON tickers (lease_expiry) WHERE status = 2;
        CREATE INDEX ix_tickers_parent ON tickers (parent_id) WHERE parent_id IS NOT NULL;
        """,
        """
        ALTER TABLE tickers ADD COLUMN cron_ticker_id BLOB;
        ALTER TABLE tickers ADD COLUMN cron_time INTEGER;
        ALTER TABLE tickers ADD COLUMN cron_overlap INTEGER NOT NULL DEFAULT 0;
        CREATE UNIQUE INDEX ux_tickers_cron_time ON tickers (cron_ticker_id, cron_time) WHERE cron_time IS NOT NULL;
        CREATE INDEX ix_tickers_cron ON tickers (cron_ticker_id, execution_time) WHERE cron_ticker_id IS NOT NULL;
        CREATE INDEX ix_tickers_cron_running ON tickers (cron_ticker_id)
            WHERE status = 2 AND cron_ticker_id IS NOT NULL;
        CREATE TABLE cron_tickers (
            id BLOB NOT NULL PRIMARY KEY,
            function TEXT NOT NULL,
            expression TEXT NOT NULL,
            request BLOB,
            retries INTEGER NOT NULL,
            retry_intervals TEXT,
            is_enabled INTEGER NOT NULL,
            time_zone TEXT,
            description TEXT,
            misfire INTEGER NOT NULL,
            overlap INTEGER NOT NULL,
            seed_key TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_cron_tickers_seed ON cron_tickers (seed_key) WHERE seed_key IS NOT NULL;
        CREATE INDEX ix_cron_tickers_created ON cron_tickers (created_at, id);
        """,

        // 3: the overlap-skip step of every claim looks only at due occurrences whose policy is Skip, instead of
        // walking the whole due backlog (33 ms per claim over 100,000 due tickers without it).
        """
        CREATE INDEX ix_tickers_due_overlap_skip ON tickers (execution_time)
            WHERE status = 0 AND awaiting_parent = 0 AND cron_overlap = 1;
        """,
    ];

    /// <summary>The version a database has once every migration ran.</summary>
    public static int CurrentVersion => s_migrations.Length;

    /// <summary>Runs the migrations the database has not seen yet, does nothing when it is up to date; returns the
    /// version it found.</summary>
    public static int Migrate(SqliteSession session, DateTime now)
    {
        using (var create = session.Command(CreateVersionTable, null))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = session.BeginImmediate();
        using var read = session.Command(ReadVersion, transaction);
        var version = Convert.ToInt32(read.ExecuteScalar(), null);
        for (var next = version; next < s_migrations.Length; next++)
        {
            Apply(session, transaction, next + 1, now);
        }

        transaction.Commit();

        return version;
    }

    private static void Apply(SqliteSession session, SqliteTransaction transaction, int version, DateTime now)
    {
        using (var script = session.Command(s_migrations[version - 1], transaction))
        {
            script.ExecuteNonQuery();
        }

        using var record = session.Command(RecordVersion, transaction);
        record.Parameters.AddWithValue("$version", version);
        record.Parameters.AddWithValue("$applied_at", SqliteValues.ToTicks(now));
        record.ExecuteNonQuery();
    }
}
