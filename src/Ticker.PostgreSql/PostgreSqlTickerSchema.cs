namespace Ticker;

/// <summary>
/// The store's tables as versioned scripts. The store runs the ones a database lacks on start
/// (<see cref="PostgreSqlTickerStoreOptions.MigrateOnStart"/>); teams that migrate their database with their own tools
/// run <see cref="Scripts"/> in order instead.
/// </summary>
/// <remarks>
/// <para>
/// A script is never edited once released: a change to the schema is a new script at the end. Every script is
/// idempotent (<c>IF NOT EXISTS</c>, <c>ON CONFLICT DO NOTHING</c>), so running all of them again is harmless.
/// </para>
/// <para>
/// Times are <c>timestamptz</c>; statuses and run conditions are the enum values as <c>smallint</c>. The partial
/// indexes hold only rows a claim can take: <c>ix_tickers_due</c> the idle ones in due order,
/// <c>ix_tickers_lease</c> the leased ones in expiry order, so finished rows cost the claim nothing. The store's
/// statements spell the status values out as literals so that the planner can match those index predicates.
/// </para>
/// <para>
/// Cron occurrences are rows of <c>tickers</c> with a cron id; <c>ux_tickers_cron_time</c> keeps (cron, scheduled
/// time) unique, so any number of nodes can plan the same occurrence and one row results. The function
/// <c>cron_is_free</c> is the overlap gate of the claim (see <see cref="PostgreSqlTickerStore"/>): it takes a
/// transaction-scoped advisory lock for one cron and then looks for a running occurrence with a fresh snapshot, which
/// a single SQL statement cannot do on its own.
/// </para>
/// </remarks>
public static class PostgreSqlTickerSchema
{
    /// <summary>The schema the store uses when none is configured.</summary>
    public const string DefaultSchema = "ticker";

    private static readonly (string Description, string Template)[] s_migrations =
    [
        ("Tickers table, schema version table, claim and chain indexes", """
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE IF NOT EXISTS {schema}.tickers (
                id uuid PRIMARY KEY,
                function text NOT NULL,
                description text,
                execution_time timestamptz NOT NULL,
                request bytea,
                retries integer NOT NULL,
                retry_intervals integer[],
                status smallint NOT NULL,
                retry_count integer NOT NULL,
                lock_holder text,
                locked_at timestamptz,
                lease_expiry timestamptz,
                fence bigint NOT NULL,
                executed_at timestamptz,
                elapsed_ms bigint NOT NULL,
                exception_message text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                parent_id uuid,
                run_condition smallint,
                awaiting_parent boolean NOT NULL,
                trace_parent text
            );
            CREATE INDEX IF NOT EXISTS ix_tickers_due ON {schema}.tickers (execution_time)
                WHERE status = 0 AND NOT awaiting_parent;
            CREATE INDEX IF NOT EXISTS ix_tickers_lease ON {schema}.tickers (lease_expiry) WHERE status = 2;
            CREATE INDEX IF NOT EXISTS ix_tickers_parent ON {schema}.tickers (parent_id) WHERE parent_id IS NOT NULL;
            INSERT INTO {schema}.schema_version (version) VALUES (1) ON CONFLICT DO NOTHING;
            """),
        ("Cron tickers: definitions, occurrence columns with a unique (cron, time) key, the overlap gate", """
            ALTER TABLE {schema}.tickers ADD COLUMN IF NOT EXISTS cron_ticker_id uuid;
            ALTER TABLE {schema}.tickers ADD COLUMN IF NOT EXISTS cron_time timestamptz;
            ALTER TABLE {schema}.tickers ADD COLUMN IF NOT EXISTS cron_overlap smallint NOT NULL DEFAULT 0;
            CREATE UNIQUE INDEX IF NOT EXISTS ux_tickers_cron_time ON {schema}.tickers (cron_ticker_id, cron_time)
                WHERE cron_time IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_tickers_cron ON {schema}.tickers (cron_ticker_id, execution_time)
                WHERE cron_ticker_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_tickers_cron_running ON {schema}.tickers (cron_ticker_id)
                WHERE status = 2 AND cron_ticker_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_tickers_cron_gated ON {schema}.tickers (cron_ticker_id, execution_time)
                WHERE status = 0 AND cron_overlap <> 0 AND NOT awaiting_parent;
            CREATE TABLE IF NOT EXISTS {schema}.cron_tickers (
                id uuid PRIMARY KEY,
                function text NOT NULL,
                expression text NOT NULL,
                request bytea,
                retries integer NOT NULL,
                retry_intervals integer[],
                is_enabled boolean NOT NULL,
                time_zone text,
                description text,
                misfire smallint NOT NULL,
                overlap smallint NOT NULL,
                seed_key text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS ux_cron_tickers_seed ON {schema}.cron_tickers (seed_key)
                WHERE seed_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_cron_tickers_created ON {schema}.cron_tickers (created_at, id);
            CREATE OR REPLACE FUNCTION {schema}.cron_is_free(cron uuid, lock_key text) RETURNS boolean
                LANGUAGE plpgsql VOLATILE AS $gate$
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtextextended(lock_key || cron::text, 0));
                RETURN NOT EXISTS (
                    SELECT 1 FROM {schema}.tickers WHERE cron_ticker_id = cron AND status = 2);
            END
            $gate$;
            INSERT INTO {schema}.schema_version (version) VALUES (2) ON CONFLICT DO NOTHING;
            """),
    ];

    /// <summary>The version a database has once every script ran.</summary>
    public static int CurrentVersion => s_migrations.Length;

    /// <summary>The scripts for the schema <paramref name="schema"/>, in the order they must run.</summary>
    /// <param name="schema">The schema name, used as written (case-sensitive, quoted).</param>
    public static IReadOnlyList<PostgreSqlTickerMigration> Scripts(string schema = DefaultSchema)
    {
        var quoted = PostgreSqlIdentifier.Quote(schema, nameof(schema));

        return [.. s_migrations.Select((step, index) => new PostgreSqlTickerMigration(
            index + 1,
            step.Description,
            step.Template.Replace("{schema}", quoted, StringComparison.Ordinal)))];
    }
}
