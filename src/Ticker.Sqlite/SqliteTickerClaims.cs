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
        UPDATE tickers
        SET retry_count = retry_count + (status = 2),
            status = 2,
            lock_holder = $owner,
            locked_at = $now,
            lease_expiry = $lease_expiry,
            fence = fence + 1,
            updated_at = $now
        WHERE rowid IN (
            SELECT row_ref FROM (
                SELECT * FROM (
                    SELECT rowid AS row_ref, 0 AS kind, lease_expiry AS at FROM tickers
                    WHERE status = 2 AND lease_expiry <= $now
                    ORDER BY lease_expiry LIMIT $max_count)
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
        var statement = session.Statement(Claim);
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
