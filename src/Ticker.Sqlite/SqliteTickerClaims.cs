using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ticker;

/// <summary>Leases: the claim of due tickers and the renewal of held leases. Lease times come from the store's clock,
/// passed in as parameters, never from SQLite's own clock.</summary>
internal static class SqliteTickerClaims
{
    /// <summary>
    /// Picks up to <c>$max_count</c> rows, expired leases first and then idle tickers due by <c>$due_before</c>, each
    /// earliest first, and leases them in the same statement, returning every column. A reclaimed row was in progress,
    /// so <c>status = 2</c> adds its lost attempt to the retry count; the right-hand sides of an UPDATE all see the row
    /// as it was.
    /// </summary>
    internal const string Claim = $"""
        {Lease}
        WHERE rowid IN (
            SELECT row_ref FROM (
                {Expired}
                UNION ALL
                SELECT * FROM (
                    SELECT rowid AS row_ref, 1 AS kind, execution_time AS at FROM tickers
                    WHERE status = 0 AND awaiting_parent = 0 AND execution_time <= $due_before
                        AND {NotWaiting}
                    ORDER BY execution_time LIMIT $max_count))
            ORDER BY kind, at
            LIMIT $max_count)
        RETURNING {TickerRows.Columns};
        """;

    /// <summary>
    /// <see cref="Claim"/> under cluster-wide function limits, given in <c>$limits</c> as a JSON array of
    /// <c>[function, limit]</c> pairs. A limited function's due rows are ranked earliest first and only as many are
    /// picked as its limit leaves room for beside its rows in progress (expired leases included, as taking one over
    /// does not change the count); the claim's write transaction makes that count exact.
    /// </summary>
    internal const string ClaimLimited = $"""
        WITH limits(function, room) AS (
            SELECT json_extract(l.value, '$[0]'), json_extract(l.value, '$[1]') - (
                SELECT count(*) FROM tickers AS running
                WHERE running.status = 2 AND running.function = json_extract(l.value, '$[0]'))
            FROM json_each($limits) AS l)
        {Lease}
        WHERE rowid IN (
            SELECT row_ref FROM (
                {Expired}
                UNION ALL
                SELECT * FROM (
                    SELECT rowid AS row_ref, 1 AS kind, execution_time AS at FROM tickers
                    WHERE status = 0 AND awaiting_parent = 0 AND execution_time <= $due_before
                        AND {NotWaiting} AND function NOT IN (SELECT function FROM limits)
                    ORDER BY execution_time LIMIT $max_count)
                UNION ALL
                SELECT ranked.row_ref, 1 AS kind, ranked.at FROM (
                    SELECT rowid AS row_ref, execution_time AS at, function AS limited,
                        row_number() OVER (PARTITION BY function ORDER BY execution_time, rowid) AS rank
                    FROM tickers
                    WHERE status = 0 AND awaiting_parent = 0 AND execution_time <= $due_before
                        AND {NotWaiting} AND function IN (SELECT function FROM limits)) AS ranked
                JOIN limits ON limits.function = ranked.limited
                WHERE ranked.rank <= limits.room)
            ORDER BY kind, at
            LIMIT $max_count)
        RETURNING {TickerRows.Columns};
        """;

    private const string Lease = """
        UPDATE tickers
        SET retry_count = retry_count + (status = 2),
            status = 2,
            lock_holder = $owner,
            locked_at = $now,
            lease_expiry = $lease_expiry,
            fence = fence + 1,
            updated_at = $now
        """;

    private const string Expired = """
        SELECT * FROM (
            SELECT rowid AS row_ref, 0 AS kind, lease_expiry AS at FROM tickers
            WHERE status = 2 AND lease_expiry <= $now
            ORDER BY lease_expiry LIMIT $max_count)
        """;

    /// <summary>True for a row of <c>tickers</c> that is not a cron occurrence with overlap policy Wait (2) while
    /// another occurrence of its cron is in progress.</summary>
    internal const string NotWaiting = """
        NOT (cron_overlap = 2 AND EXISTS (
            SELECT 1 FROM tickers AS running
            WHERE running.cron_ticker_id = tickers.cron_ticker_id AND running.status = 2))
        """;

    private const string Renew = """
        UPDATE tickers SET lease_expiry = $lease_expiry
        WHERE id = $id AND fence = $fence AND status = 2 AND lock_holder = $owner;
        """;

    /// <summary>Leases the due tickers <paramref name="claim"/> asks for, at <paramref name="now"/> on the store's
    /// clock, and returns them earliest first.</summary>
    public static List<TickerRecord> ClaimDue(SqliteSession session, TickerClaim claim, DateTime now)
    {
        using var transaction = session.BeginImmediate();
        SqliteCronClaims.SkipOverlapping(session, claim.DueBefore, now);
        var statement = session.Statement(claim.HasFunctionLimits ? ClaimLimited : Claim);
        if (claim.HasFunctionLimits)
        {
            statement.Bind("$limits", LimitsJson(claim.FunctionLimits!));
        }

        statement.Bind("$owner", claim.Owner);
        statement.Bind("$now", now);
        statement.Bind("$lease_expiry", now + claim.LeaseLength);
        statement.Bind("$due_before", claim.DueBefore);
        statement.Bind("$max_count", Math.Max(claim.MaxCount, 0));
        var claimed = SqliteCronClaims.OneRunPerCron(session, TickerRows.ReadAll(statement));
        transaction.Commit();

        claimed.Sort(static (left, right) => left.ExecutionTime.CompareTo(right.ExecutionTime));

        return claimed;
    }

    /// <summary>The limits as the JSON array of <c>[function, limit]</c> pairs that <see cref="ClaimLimited"/> reads.
    /// </summary>
    private static string LimitsJson(IReadOnlyList<TickerFunctionLimit> limits)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var limit in limits)
            {
                json.WriteStartArray();
                json.WriteStringValue(limit.Function);
                json.WriteNumberValue(limit.MaxConcurrency);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Extends the leases <paramref name="owner"/> still holds with a matching fence; returns how many.
    /// </summary>
    public static int RenewAll(SqliteSession session, string owner, IReadOnlyList<TickerLease> leases, DateTime expiry)
    {
        using var transaction = session.BeginImmediate();
        var renew = session.Statement(Renew);
        var renewed = 0;
        foreach (var lease in leases)
        {
            renew.Bind("$owner", owner);
            renew.Bind("$lease_expiry", expiry);
            renew.Bind("$id", lease.Id);
            renew.Bind("$fence", lease.Fence);
            renewed += renew.Execute();
        }

        transaction.Commit();

        return renewed;
    }
}
