namespace Ticker;

/// <summary>
/// The store's statements for one schema. Each operation is one statement, so one round trip and, for a write, one
/// commit. Values are always bound parameters; only the quoted schema name is part of the text.
/// </summary>
/// <remarks>
/// <para>
/// Time: <c>@now</c> is <c>NULL</c> in production, so every lease is stamped and judged by the database's
/// <c>now()</c>; a test may bind its own clock instead (<see cref="PostgreSqlTickerStoreOptions.LeaseClockOverride"/>)
/// and runs exactly the same statement text.
/// </para>
/// <para>
/// Notifications: writes that make a ticker claimable call <c>pg_notify(@channel, earliest due time)</c> when that time
/// is within <c>@horizon</c> of now. <c>NOTIFY</c> is delivered on commit, so an insert inside an application's
/// transaction that rolls back wakes nobody.
/// </para>
/// </remarks>
internal sealed class PostgreSqlTickerStatements
{
    /// <summary>Every column, in the order <see cref="PostgreSqlTickerRows.Read"/> expects.</summary>
    public const string Columns = """
        id, function, description, execution_time, request, retries, retry_intervals, status, retry_count,
        lock_holder, locked_at, lease_expiry, fence, executed_at, elapsed_ms, exception_message, created_at,
        updated_at, parent_id, run_condition, awaiting_parent, trace_parent, cron_ticker_id, cron_time, cron_overlap
        """;

    private const string Clock = "clock AS (SELECT COALESCE(@now, now()) AS now)";

    /// <summary>The due time as microseconds since the Unix epoch, the payload listeners parse.</summary>
    private const string Payload = "(extract(epoch FROM due.at) * 1000000)::bigint::text";

    public PostgreSqlTickerStatements(string schema)
    {
        var s = PostgreSqlIdentifier.Quote(schema, nameof(schema));
        Insert = BuildInsert(s);
        InsertOccurrences = BuildInsertOccurrences(s);
        UpdateIdle = BuildUpdateIdle(s);
        Delete = BuildDelete(s);
        Get = $"SELECT {Columns} FROM {s}.tickers WHERE id = @id";
        Count = $"SELECT count(*) FROM {s}.tickers {Filter}";
        Page = $"SELECT {Columns} FROM {s}.tickers {Filter} ORDER BY execution_time, id LIMIT @take OFFSET @skip";
        Claim = BuildClaim(s);
        ClaimLimited = BuildClaimLimited(s);
        Complete = BuildComplete(s);
        Renew = BuildRenew(s);
        NextWake = BuildNextWake(s);
        RequestCancel = $"""
            WITH sent AS (SELECT pg_notify(@channel, @payload) FROM {s}.tickers WHERE id = @id AND status = 2)
            SELECT count(*) FROM sent
            """;
        FindExisting = $"""
            SELECT min(i.ord) FROM unnest(@ids) WITH ORDINALITY AS i(id, ord)
            WHERE EXISTS (SELECT 1 FROM {s}.tickers t WHERE t.id = i.id)
            """;
    }

    /// <summary>Inserts a batch unless an id exists already; returns the 1-based position of the first existing id
    /// (or <c>NULL</c>) and how many rows were inserted.</summary>
    public string Insert { get; }

    /// <summary>Inserts cron occurrences that do not exist yet; returns how many were inserted.</summary>
    public string InsertOccurrences { get; }

    /// <summary>Updates a batch of idle tickers, or none; returns the 1-based position of the first refused item and
    /// why (1 missing, 2 not idle), or <c>NULL</c>s.</summary>
    public string UpdateIdle { get; }

    /// <summary>Deletes tickers with their descendants, or none; returns the position of the first missing id (or
    /// <c>NULL</c>) and how many rows were deleted.</summary>
    public string Delete { get; }

    /// <summary>Reads one ticker.</summary>
    public string Get { get; }

    /// <summary>Counts the tickers matching a query's filter.</summary>
    public string Count { get; }

    /// <summary>Reads one page of the tickers matching a query's filter.</summary>
    public string Page { get; }

    /// <summary>Leases due tickers and returns them whole.</summary>
    public string Claim { get; }

    /// <summary><see cref="Claim"/> under cluster-wide function limits, bound as <c>@limit_functions</c> and
    /// <c>@limit_counts</c>; runs after <see cref="TakeClaimLock"/> in the same transaction.</summary>
    public string ClaimLimited { get; }

    /// <summary>Takes the transaction-scoped advisory lock that serializes the claims with function limits.</summary>
    public const string TakeClaimLock = "SELECT pg_advisory_xact_lock(hashtextextended(@claim_key, 0))";

    /// <summary>Writes fenced outcomes and settles the children of final ones; returns how many were written.</summary>
    public string Complete { get; }

    /// <summary>Extends leases still held with a matching fence.</summary>
    public string Renew { get; }

    /// <summary>The earliest idle due time or lease expiry, the latter moved to the node's clock.</summary>
    public string NextWake { get; }

    /// <summary>Notifies every node of a cancel request for a ticker, if it is in progress.</summary>
    public string RequestCancel { get; }

    /// <summary>The 1-based position of the first id of a batch that exists already, or <c>NULL</c>.</summary>
    public string FindExisting { get; }

    private const string Filter = """
        WHERE cron_ticker_id IS NULL
          AND (@status IS NULL OR status = @status)
          AND (@function IS NULL OR function = @function)
          AND (@from IS NULL OR execution_time >= @from)
          AND (@to IS NULL OR execution_time < @to)
        """;

    private static string Notify(string dueTimes) => $"""
        notified AS (
            SELECT pg_notify(@channel, {Payload})
            FROM (SELECT min(at) AS at FROM ({dueTimes}) AS times(at)) AS due, clock
            WHERE due.at <= clock.now + @horizon)
        """;

    /// <summary>The batch as rows, with each row's 1-based position in <c>ord</c>.</summary>
    private const string InsertInput = """
        input AS (
            SELECT * FROM unnest(@ids, @functions, @descriptions, @execution_times, @requests, @retries,
                @retry_intervals, @statuses, @retry_counts, @lock_holders, @locked_ats, @lease_expiries, @fences,
                @executed_ats, @elapsed_ms, @exception_messages, @created_ats, @updated_ats, @parent_ids,
                @run_conditions, @awaiting_parents, @trace_parents, @cron_ticker_ids, @cron_times, @cron_overlaps)
                WITH ORDINALITY
            AS i(id, function, description, execution_time, request, retries, retry_intervals, status, retry_count,
                lock_holder, locked_at, lease_expiry, fence, executed_at, elapsed_ms, exception_message, created_at,
                updated_at, parent_id, run_condition, awaiting_parent, trace_parent, cron_ticker_id, cron_time,
                cron_overlap, ord))
        """;

    /// <summary>The input's columns in the order of <see cref="Columns"/>.</summary>
    private const string InsertValues = """
        SELECT id, function, description, execution_time, request, retries, retry_intervals::integer[], status,
            retry_count, lock_holder, locked_at, lease_expiry, fence, executed_at, elapsed_ms, exception_message,
            created_at, updated_at, parent_id, run_condition, awaiting_parent, trace_parent, cron_ticker_id,
            cron_time, cron_overlap
        FROM input
        """;

    private const string InsertedDueTimes =
        "SELECT execution_time FROM inserted WHERE status = 0 AND NOT awaiting_parent";

    private static string BuildInsert(string s) => $"""
        WITH {Clock},
        {InsertInput},
        clash AS (
            SELECT min(i.ord) AS ord FROM input i WHERE EXISTS (SELECT 1 FROM {s}.tickers t WHERE t.id = i.id)),
        inserted AS (
            INSERT INTO {s}.tickers ({Columns})
            {InsertValues} WHERE (SELECT ord FROM clash) IS NULL
            ORDER BY ord
            RETURNING execution_time, status, awaiting_parent),
        {Notify(InsertedDueTimes)}
        SELECT (SELECT ord FROM clash), (SELECT count(*) FROM inserted), (SELECT count(*) FROM notified)
        """;

    /// <remarks>Insert-or-ignore on every unique key: the id and the (cron, scheduled time) of an occurrence, so
    /// nodes planning the same occurrence at once create one row.</remarks>
    private static string BuildInsertOccurrences(string s) => $"""
        WITH {Clock},
        {InsertInput},
        inserted AS (
            INSERT INTO {s}.tickers ({Columns})
            {InsertValues} ORDER BY ord
            ON CONFLICT DO NOTHING
            RETURNING execution_time, status, awaiting_parent),
        {Notify(InsertedDueTimes)}
        SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM notified)
        """;

    /// <remarks>The rows are locked (in id order, so two batches cannot deadlock) before they are checked, so a claim
    /// cannot slip in between the idle check and the write.</remarks>
    private static string BuildUpdateIdle(string s) => $"""
        WITH {Clock},
        input AS (
            SELECT * FROM unnest(@ids, @functions, @descriptions, @execution_times, @requests, @retries,
                @retry_intervals, @updated_ats) WITH ORDINALITY
            AS i(id, function, description, execution_time, request, retries, retry_intervals, updated_at, ord)),
        locked AS (
            SELECT t.id, t.status FROM {s}.tickers t WHERE t.id = ANY(@ids) ORDER BY t.id FOR UPDATE),
        refused AS (
            SELECT i.ord, CASE WHEN l.id IS NULL THEN 1 ELSE 2 END AS failure
            FROM input i LEFT JOIN locked l ON l.id = i.id
            WHERE l.id IS NULL OR l.status <> 0
            ORDER BY i.ord LIMIT 1),
        updated AS (
            UPDATE {s}.tickers t
            SET function = u.function, description = u.description, execution_time = u.execution_time,
                request = u.request, retries = u.retries, retry_intervals = u.retry_intervals::integer[],
                updated_at = u.updated_at
            FROM (SELECT DISTINCT ON (id) * FROM input ORDER BY id, ord DESC) u
            WHERE t.id = u.id AND t.status = 0 AND NOT EXISTS (SELECT 1 FROM refused)
            RETURNING t.execution_time, t.awaiting_parent),
        {Notify("SELECT execution_time FROM updated WHERE NOT awaiting_parent")}
        SELECT (SELECT ord FROM refused), (SELECT failure FROM refused), (SELECT count(*) FROM updated),
            (SELECT count(*) FROM notified)
        """;

    private static string BuildDelete(string s) => $"""
        WITH RECURSIVE input AS (SELECT * FROM unnest(@ids) WITH ORDINALITY AS i(id, ord)),
        missing AS (
            SELECT min(i.ord) AS ord FROM input i WHERE NOT EXISTS (SELECT 1 FROM {s}.tickers t WHERE t.id = i.id)),
        tree(id) AS (
            SELECT id FROM input
            UNION
            SELECT t.id FROM {s}.tickers t JOIN tree ON t.parent_id = tree.id),
        deleted AS (
            DELETE FROM {s}.tickers t
            WHERE t.id IN (SELECT id FROM tree) AND (SELECT ord FROM missing) IS NULL
            RETURNING 1)
        SELECT (SELECT ord FROM missing), (SELECT count(*) FROM deleted)
        """;

    /// <remarks>
    /// <para>
    /// Expired leases first, then idle tickers due by <c>@due_before</c>, each earliest first, locked with
    /// <c>SKIP LOCKED</c> so that concurrent claims on other nodes pass each other instead of waiting or overlapping.
    /// A row another claim took between this statement's snapshot and its lock is re-checked against the filter and
    /// dropped. A reclaimed row was in progress, so <c>status = 2</c> adds its lost attempt to the retry count.
    /// </para>
    /// <para>
    /// Cron occurrences with an overlap policy (Skip 1, Wait 2) take another path, as whether another occurrence of
    /// their cron is running must be judged across nodes: for each such cron with a due occurrence, in cron id order
    /// (so that nodes never wait on each other in a cycle), <c>cron_is_free</c> takes the cron's advisory lock, which
    /// waits for another claim of that cron to commit, and then looks for a running occurrence with a fresh snapshot.
    /// A free cron has its earliest due occurrence claimed; a busy cron's due Skip occurrences, and those behind a
    /// Skip occurrence claimed now, end <c>Skipped</c>; Wait occurrences stay idle.
    /// </para>
    /// </remarks>
    private static string BuildClaim(string s) => $"""
        WITH {Clock},
        {Expired(s)},
        due AS (
            SELECT t.id FROM {s}.tickers t
            WHERE t.status = 0 AND NOT t.awaiting_parent AND t.cron_overlap = 0 AND t.execution_time <= @due_before
            ORDER BY t.execution_time LIMIT (@max_count - (SELECT count(*) FROM expired))
            FOR UPDATE SKIP LOCKED),
        {Gated(s)},
        gated_claim AS (
            SELECT t.id FROM {s}.tickers t
            WHERE t.id = ANY(ARRAY(SELECT id FROM gated WHERE free)) AND t.status = 0
            ORDER BY t.execution_time
            LIMIT (@max_count - (SELECT count(*) FROM expired) - (SELECT count(*) FROM due))
            FOR UPDATE SKIP LOCKED),
        {Skipped(s)}
        {Lease(s, "SELECT id FROM expired UNION ALL SELECT id FROM due UNION ALL SELECT id FROM gated_claim")}
        """;

    /// <remarks>
    /// <para>
    /// The claim of <see cref="BuildClaim"/> where each limited function has room for its limit less its rows in
    /// progress on every node (an expired lease among them stays in progress when taken over, so it neither adds nor
    /// frees room). Its due rows are picked earliest first up to that room, before the rows of functions without a limit
    /// fill what <c>@max_count</c> leaves; cron occurrences with an overlap policy of a limited function share the room
    /// left after those, one per free cron as before. The rest stay idle.
    /// </para>
    /// <para>
    /// Counting and claiming are one statement, but two nodes' statements would each count before the other commits:
    /// the caller runs <see cref="TakeClaimLock"/> first in the same implicit transaction, so limited claims queue on
    /// one advisory lock and each counts with a snapshot taken after the previous one committed.
    /// </para>
    /// </remarks>
    private static string BuildClaimLimited(string s) => $"""
        WITH {Clock},
        limits AS MATERIALIZED (
            SELECT l.function, l.max_concurrency - (
                SELECT count(*) FROM {s}.tickers r WHERE r.status = 2 AND r.function = l.function) AS room
            FROM unnest(@limit_functions, @limit_counts) AS l(function, max_concurrency)),
        {Expired(s)},
        due AS (
            SELECT t.id FROM {s}.tickers t
            WHERE t.status = 0 AND NOT t.awaiting_parent AND t.cron_overlap = 0 AND t.execution_time <= @due_before
              AND t.function <> ALL(@limit_functions)
            ORDER BY t.execution_time LIMIT (@max_count - (SELECT count(*) FROM expired))
            FOR UPDATE SKIP LOCKED),
        limited_due AS (
            SELECT t.id, t.function FROM {s}.tickers t
            WHERE t.id = ANY(ARRAY(
                SELECT pick.id FROM limits l CROSS JOIN LATERAL (
                    SELECT c.id FROM {s}.tickers c
                    WHERE c.function = l.function AND c.status = 0 AND NOT c.awaiting_parent AND c.cron_overlap = 0
                      AND c.execution_time <= @due_before
                    ORDER BY c.execution_time LIMIT GREATEST(l.room, 0)) AS pick))
              AND t.status = 0
            ORDER BY t.execution_time
            LIMIT (@max_count - (SELECT count(*) FROM expired) - (SELECT count(*) FROM due))
            FOR UPDATE SKIP LOCKED),
        {Gated(s)},
        gated_claim AS (
            SELECT t.id FROM {s}.tickers t
            WHERE t.id = ANY(ARRAY(
                SELECT ranked.id FROM (
                    SELECT g.id, c.function,
                        row_number() OVER (PARTITION BY c.function ORDER BY c.execution_time, c.id) AS rank
                    FROM gated g JOIN {s}.tickers c ON c.id = g.id
                    WHERE g.free) AS ranked
                LEFT JOIN limits l ON l.function = ranked.function
                WHERE l.function IS NULL
                   OR ranked.rank <= l.room - (SELECT count(*) FROM limited_due d WHERE d.function = ranked.function)))
              AND t.status = 0
            ORDER BY t.execution_time
            LIMIT (@max_count - (SELECT count(*) FROM expired) - (SELECT count(*) FROM due)
                - (SELECT count(*) FROM limited_due))
            FOR UPDATE SKIP LOCKED),
        {Skipped(s)}
        {Lease(s, """
            SELECT id FROM expired UNION ALL SELECT id FROM due UNION ALL SELECT id FROM limited_due
            UNION ALL SELECT id FROM gated_claim
            """)}
        """;

    private static string Expired(string s) => $"""
        expired AS (
            SELECT t.id FROM {s}.tickers t
            WHERE t.status = 2 AND t.lease_expiry <= (SELECT now FROM clock)
            ORDER BY t.lease_expiry LIMIT @max_count
            FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>The earliest due occurrence of each cron with an overlap policy, and whether its cron is free.</summary>
    private static string Gated(string s) => $"""
        gated AS MATERIALIZED (
            SELECT first.id, first.cron_ticker_id, {s}.cron_is_free(first.cron_ticker_id, @gate_key) AS free
            FROM (
                SELECT DISTINCT ON (t.cron_ticker_id) t.id, t.cron_ticker_id FROM {s}.tickers t
                WHERE t.status = 0 AND NOT t.awaiting_parent AND t.cron_overlap <> 0
                  AND t.execution_time <= @due_before
                ORDER BY t.cron_ticker_id, t.execution_time, t.id) AS first
            ORDER BY first.cron_ticker_id)
        """;

    /// <summary>Ends the due Skip occurrences of busy crons, and those behind a Skip occurrence claimed now.</summary>
    private static string Skipped(string s) => $"""
        skipped AS (
            UPDATE {s}.tickers t SET status = 7, exception_message = @skip_reason, updated_at = clock.now
            FROM gated, clock
            WHERE t.cron_ticker_id = gated.cron_ticker_id
              AND (NOT gated.free OR gated.id IN (SELECT id FROM gated_claim))
              AND t.id NOT IN (SELECT id FROM gated_claim)
              AND t.status = 0 AND NOT t.awaiting_parent AND t.cron_overlap = 1 AND t.execution_time <= @due_before
            RETURNING t.id)
        """;

    /// <summary>Leases the rows whose ids <paramref name="picked"/> selects and returns them whole.</summary>
    private static string Lease(string s, string picked) => $"""
        UPDATE {s}.tickers t
        SET retry_count = t.retry_count + (t.status = 2)::integer, status = 2, lock_holder = @owner,
            locked_at = clock.now, lease_expiry = clock.now + @lease_length, fence = t.fence + 1,
            updated_at = clock.now
        FROM clock
        WHERE t.id = ANY(ARRAY({picked}))
        RETURNING {Prefixed("t")}
        """;

    /// <remarks>
    /// Duplicated outcomes of one claim keep the first. The children of a final outcome are released or skipped by
    /// the rule table bound as <c>@rule_*</c> arrays, built from <see cref="ChainRules"/>, so SQL and the other stores
    /// cannot disagree; a skipped child's own children are then settled as children of a <c>Skipped</c> parent. The
    /// children are other rows than the completed ones (a child awaiting its parent is never claimed), so the two
    /// updates of this one statement never touch the same row.
    /// </remarks>
    private static string BuildComplete(string s) => $"""
        WITH RECURSIVE {Clock},
        input AS (
            SELECT DISTINCT ON (id, fence) * FROM unnest(@ids, @fences, @statuses, @retry_counts, @execution_times,
                @executed_ats, @elapsed_ms, @exception_messages) WITH ORDINALITY
            AS c(id, fence, status, retry_count, execution_time, executed_at, elapsed_ms, exception_message, ord)
            ORDER BY id, fence, ord),
        rules AS (
            SELECT * FROM unnest(@rule_conditions, @rule_statuses, @rule_allows, @rule_reasons)
            AS r(condition, parent_status, allows, reason)),
        completed AS (
            UPDATE {s}.tickers t
            SET status = c.status, retry_count = c.retry_count, execution_time = c.execution_time,
                executed_at = COALESCE(c.executed_at, t.executed_at), elapsed_ms = c.elapsed_ms,
                exception_message = COALESCE(c.exception_message, t.exception_message),
                lock_holder = NULL, locked_at = NULL, lease_expiry = NULL, updated_at = clock.now
            FROM input c, clock
            WHERE t.id = c.id AND t.fence = c.fence AND t.status = 2
            RETURNING t.id, t.status, t.execution_time),
        settled(id, allows, reason) AS (
            SELECT child.id, r.allows, r.reason
            FROM completed parent
            JOIN {s}.tickers child ON child.parent_id = parent.id AND child.awaiting_parent
            JOIN rules r ON r.condition = COALESCE(child.run_condition, -1) AND r.parent_status = parent.status
            WHERE parent.status <> 0
            UNION ALL
            SELECT child.id, r.allows, r.reason
            FROM settled parent
            JOIN {s}.tickers child ON child.parent_id = parent.id AND child.awaiting_parent
            JOIN rules r ON r.condition = COALESCE(child.run_condition, -1) AND r.parent_status = 7
            WHERE NOT parent.allows),
        released AS (
            UPDATE {s}.tickers t
            SET awaiting_parent = false,
                status = CASE WHEN settled.allows THEN t.status ELSE 7 END,
                exception_message = CASE WHEN settled.allows THEN t.exception_message ELSE settled.reason END,
                execution_time = CASE WHEN settled.allows THEN GREATEST(t.execution_time, clock.now)
                    ELSE t.execution_time END,
                updated_at = clock.now
            FROM settled, clock
            WHERE t.id = settled.id
            RETURNING t.execution_time, settled.allows),
        {Notify("""
            SELECT execution_time FROM completed WHERE status = 0
            UNION ALL SELECT execution_time FROM released WHERE allows
            """)}
        SELECT (SELECT count(*) FROM completed), (SELECT count(*) FROM released), (SELECT count(*) FROM notified)
        """;

    private static string BuildRenew(string s) => $"""
        UPDATE {s}.tickers t SET lease_expiry = COALESCE(@now, now()) + @lease_length
        FROM unnest(@ids, @fences) AS l(id, fence)
        WHERE t.id = l.id AND t.fence = l.fence AND t.status = 2 AND t.lock_holder = @owner
        """;

    /// <remarks>
    /// A Wait occurrence whose cron has one running is not due yet. Idle due times are the tickers' own times, which
    /// nodes compare with their clocks. A lease expiry is database
    /// time; it is returned as the same distance from <c>@node_now</c>, the node's clock, so that a node whose clock
    /// runs ahead of the database does not see a lease as expired early and retry its claim in a loop.
    /// </remarks>
    private static string BuildNextWake(string s) => $"""
        SELECT LEAST(
            (SELECT min(t.execution_time) FROM {s}.tickers t
             WHERE t.status = 0 AND NOT t.awaiting_parent
               AND NOT (t.cron_overlap = 2 AND EXISTS (
                   SELECT 1 FROM {s}.tickers r WHERE r.cron_ticker_id = t.cron_ticker_id AND r.status = 2))),
            (SELECT min(lease_expiry) FROM {s}.tickers WHERE status = 2) - COALESCE(@now, now()) + @node_now)
        """;

    private static string Prefixed(string alias) =>
        string.Join(", ", Columns.Split(',').Select(column => alias + "." + column.Trim()));
}
