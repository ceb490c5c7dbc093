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
    private const string Claim = $"""
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
                    ORDER BY execution_time LIMIT $max_count))
            ORDER BY kind, at
            LIMIT $max_count)
        RETURNING {TickerRows.Columns};
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
        var command = session.Command(Claim, transaction);
        command.Set("$owner", claim.Owner);
        command.Set("$now", now);
        command.Set("$lease_expiry", now + claim.LeaseLength);
        command.Set("$due_before", claim.DueBefore);
        command.Set("$max_count", Math.Max(claim.MaxCount, 0));
        var claimed = TickerRows.ReadAll(command);
        transaction.Commit();

        claimed.Sort(static (left, right) => left.ExecutionTime.CompareTo(right.ExecutionTime));

        return claimed;
    }

    /// <summary>Extends the leases <paramref name="owner"/> still holds with a matching fence; returns how many.</summary>
    public static int RenewAll(SqliteSession session, string owner, IReadOnlyList<TickerLease> leases, DateTime expiry)
    {
        using var transaction = session.BeginImmediate();
        var renew = session.Command(Renew, transaction);
        renew.Set("$owner", owner);
        renew.Set("$lease_expiry", expiry);
        var renewed = 0;
        foreach (var lease in leases)
        {
            renew.Set("$id", lease.Id);
            renew.Set("$fence", lease.Fence);
            renewed += renew.ExecuteNonQuery();
        }

        transaction.Commit();

        return renewed;
    }
}
