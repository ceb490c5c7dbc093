namespace Ticker;

/// <summary>
/// The statements for cron definitions (<c>cron_tickers</c>) and reads of their occurrences, for one schema. As with
/// tickers, each operation is one statement and every value a parameter. Every write that changes a cron also sends
/// a <c>NOTIFY</c> (<c>@channel</c>, <c>@cron_payload</c>), delivered when it commits, so other nodes re-plan.
/// </summary>
internal sealed class PostgreSqlCronStatements
{
    /// <summary>Every column of <c>cron_tickers</c>, in the order <see cref="PostgreSqlCronRows.Read"/> expects.
    /// </summary>
    public const string Columns = """
        id, function, expression, request, retries, retry_intervals, is_enabled, time_zone, description, misfire,
        overlap, seed_key, created_at, updated_at
        """;

    /// <summary>A cron's pending occurrences: planned, idle and never attempted. Updating the cron re-plans them.
    /// </summary>
    private const string Pending = "t.status = 0 AND t.retry_count = 0 AND t.cron_time IS NOT NULL";

    public PostgreSqlCronStatements(string schema)
    {
        var s = PostgreSqlIdentifier.Quote(schema, nameof(schema));
        Insert = BuildInsert(s);
        Update = BuildUpdate(s);
        Delete = BuildDelete(s);
        Seed = BuildSeed(s);
        Get = $"SELECT {Columns} FROM {s}.cron_tickers WHERE id = @id";
        Enabled = $"SELECT {Columns} FROM {s}.cron_tickers WHERE is_enabled";
        Count = $"SELECT count(*) FROM {s}.cron_tickers";
        Page = $"SELECT {Columns} FROM {s}.cron_tickers ORDER BY created_at, id LIMIT @take OFFSET @skip";
        LastTimes = $"""
            SELECT cron_ticker_id, max(cron_time) FROM {s}.tickers WHERE cron_time IS NOT NULL
            GROUP BY cron_ticker_id
            """;
        CountOccurrences = $"SELECT count(*) FROM {s}.tickers WHERE cron_ticker_id = @cron_id";
        PageOccurrences = $"""
            SELECT {PostgreSqlTickerStatements.Columns} FROM {s}.tickers WHERE cron_ticker_id = @cron_id
            ORDER BY execution_time, id LIMIT @take OFFSET @skip
            """;
    }

    /// <summary>Inserts crons unless an id or seed key exists; returns the position of the first clash and the
    /// count inserted.</summary>
    public string Insert { get; }

    /// <summary>Replaces definitions and deletes their pending occurrences, or does nothing when one is missing;
    /// returns the position of the first missing cron.</summary>
    public string Update { get; }

    /// <summary>Deletes crons with their idle occurrences, or nothing when one is missing; returns the position of
    /// the first missing cron and the count deleted.</summary>
    public string Delete { get; }

    /// <summary>Inserts a cron declared in code, or updates the expression of the one with its seed key; returns how
    /// many rows it wrote.</summary>
    public string Seed { get; }

    /// <summary>Reads one cron.</summary>
    public string Get { get; }

    /// <summary>Reads every enabled cron.</summary>
    public string Enabled { get; }

    /// <summary>Counts the crons.</summary>
    public string Count { get; }

    /// <summary>Reads a page of crons.</summary>
    public string Page { get; }

    /// <summary>The latest scheduled occurrence time of each cron.</summary>
    public string LastTimes { get; }

    /// <summary>Counts a cron's occurrences.</summary>
    public string CountOccurrences { get; }

    /// <summary>Reads a page of a cron's occurrences.</summary>
    public string PageOccurrences { get; }

    /// <summary>Tells the other nodes that crons changed when <paramref name="changed"/> (a query) returns a row; the
    /// statement's last column counts the notification, which makes PostgreSQL run it.</summary>
    private static string NotifyWhen(string changed) => $"""
        notified AS (
            SELECT pg_notify(@channel, @cron_payload) WHERE EXISTS ({changed}))
        """;

    private const string Input = """
        input AS (
            SELECT * FROM unnest(@ids, @functions, @expressions, @requests, @retries, @retry_intervals, @is_enabled,
                @time_zones, @descriptions, @misfires, @overlaps, @seed_keys, @created_ats, @updated_ats)
                WITH ORDINALITY
            AS i(id, function, expression, request, retries, retry_intervals, is_enabled, time_zone, description,
                misfire, overlap, seed_key, created_at, updated_at, ord))
        """;

    private static string BuildInsert(string s) => $"""
        WITH {Input},
        clash AS (
            SELECT min(i.ord) AS ord FROM input i
            WHERE EXISTS (SELECT 1 FROM {s}.cron_tickers c WHERE c.id = i.id OR c.seed_key = i.seed_key)),
        inserted AS (
            INSERT INTO {s}.cron_tickers ({Columns})
            SELECT id, function, expression, request, retries, retry_intervals::integer[], is_enabled, time_zone,
                description, misfire, overlap, seed_key, created_at, updated_at
            FROM input WHERE (SELECT ord FROM clash) IS NULL
            RETURNING 1),
        {NotifyWhen("SELECT 1 FROM inserted")}
        SELECT (SELECT ord FROM clash), (SELECT count(*) FROM inserted), (SELECT count(*) FROM notified)
        """;

    private static string BuildUpdate(string s) => $"""
        WITH {Input},
        missing AS (
            SELECT min(i.ord) AS ord FROM input i WHERE NOT EXISTS (SELECT 1 FROM {s}.cron_tickers c WHERE c.id = i.id)),
        updated AS (
            UPDATE {s}.cron_tickers c
            SET function = u.function, expression = u.expression, request = u.request, retries = u.retries,
                retry_intervals = u.retry_intervals::integer[], is_enabled = u.is_enabled, time_zone = u.time_zone,
                description = u.description, misfire = u.misfire, overlap = u.overlap, updated_at = u.updated_at
            FROM (SELECT DISTINCT ON (id) * FROM input ORDER BY id, ord DESC) u
            WHERE c.id = u.id AND (SELECT ord FROM missing) IS NULL
            RETURNING c.id),
        pending AS (
            DELETE FROM {s}.tickers t WHERE t.cron_ticker_id IN (SELECT id FROM updated) AND {Pending}
            RETURNING 1),
        {NotifyWhen("SELECT 1 FROM updated")}
        SELECT (SELECT ord FROM missing), (SELECT count(*) FROM updated), (SELECT count(*) FROM pending),
            (SELECT count(*) FROM notified)
        """;

    private static string BuildDelete(string s) => $"""
        WITH input AS (SELECT * FROM unnest(@ids) WITH ORDINALITY AS i(id, ord)),
        missing AS (
            SELECT min(i.ord) AS ord FROM input i WHERE NOT EXISTS (SELECT 1 FROM {s}.cron_tickers c WHERE c.id = i.id)),
        deleted AS (
            DELETE FROM {s}.cron_tickers c WHERE c.id IN (SELECT id FROM input) AND (SELECT ord FROM missing) IS NULL
            RETURNING c.id),
        idle AS (
            DELETE FROM {s}.tickers t WHERE t.cron_ticker_id IN (SELECT id FROM deleted) AND t.status = 0
            RETURNING 1),
        {NotifyWhen("SELECT 1 FROM deleted")}
        SELECT (SELECT ord FROM missing), (SELECT count(*) FROM deleted), (SELECT count(*) FROM idle),
            (SELECT count(*) FROM notified)
        """;

    /// <remarks>Two nodes seeding the same key at once: the second insert waits for the first and does nothing, and
    /// its update, reading the snapshot from before the first committed, finds no row; one cron results.</remarks>
    private static string BuildSeed(string s) => $"""
        WITH {Input},
        inserted AS (
            INSERT INTO {s}.cron_tickers ({Columns})
            SELECT id, function, expression, request, retries, retry_intervals::integer[], is_enabled, time_zone,
                description, misfire, overlap, seed_key, created_at, updated_at
            FROM input
            ON CONFLICT DO NOTHING
            RETURNING id),
        reseeded AS (
            UPDATE {s}.cron_tickers c SET expression = i.expression, updated_at = i.updated_at
            FROM input i
            WHERE c.seed_key = i.seed_key AND c.expression <> i.expression AND NOT EXISTS (SELECT 1 FROM inserted)
            RETURNING c.id),
        pending AS (
            DELETE FROM {s}.tickers t WHERE t.cron_ticker_id IN (SELECT id FROM reseeded) AND {Pending}
            RETURNING 1),
        {NotifyWhen("SELECT 1 FROM inserted UNION ALL SELECT 1 FROM reseeded")}
        SELECT (SELECT count(*) FROM inserted) + (SELECT count(*) FROM reseeded), (SELECT count(*) FROM pending),
            (SELECT count(*) FROM notified)
        """;
}
