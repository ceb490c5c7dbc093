namespace Ticker;

/// <summary>The overlap policies of cron occurrences inside the claim's transaction: Skip (1) ends a due occurrence
/// whose cron has one in progress; Skip and Wait (2) let one batch claim at most one occurrence of a cron.</summary>
internal static class SqliteCronClaims
{
    private const string Skip = """
        UPDATE tickers INDEXED BY ix_tickers_due_overlap_skip
        SET status = 7, exception_message = $reason, updated_at = $now
        WHERE status = 0 AND awaiting_parent = 0 AND execution_time <= $due_before AND cron_overlap = 1
          AND EXISTS (
            SELECT 1 FROM tickers AS running
            WHERE running.cron_ticker_id = tickers.cron_ticker_id AND running.status = 2);
        """;

    private const string Unclaim = """
        UPDATE tickers SET status = $status, exception_message = $reason, lock_holder = NULL, locked_at = NULL,
            lease_expiry = NULL
        WHERE id = $id;
        """;

    /// <summary>Skips the due occurrences with policy Skip whose cron has an occurrence in progress.</summary>
    public static void SkipOverlapping(SqliteSession session, DateTime dueBefore, DateTime now)
    {
        var skip = session.Statement(Skip);
        skip.Bind("$reason", CronTickerOccurrence.OverlapSkippedReason);
        skip.Bind("$now", now);
        skip.Bind("$due_before", dueBefore);
        skip.Execute();
    }

    /// <summary>When a batch claimed several occurrences of one cron whose policy is not Allow, keeps the earliest
    /// and puts the others back: a Wait one to idle, a Skip one to skipped.</summary>
    public static List<TickerRecord> OneRunPerCron(SqliteSession session, List<TickerRecord> claimed)
    {
        var kept = new List<TickerRecord>(claimed.Count);
        var seen = new HashSet<Guid>();
        foreach (var row in claimed.OrderBy(row => row.ExecutionTime))
        {
            if (row.CronTickerId is not { } cronId || row.CronOverlap == CronOverlapPolicy.Allow || seen.Add(cronId))
            {
                kept.Add(row);
                continue;
            }

            PutBack(session, row);
        }

        return kept;
    }

    private static void PutBack(SqliteSession session, TickerRecord row)
    {
        var skipped = row.CronOverlap == CronOverlapPolicy.Skip;
        var unclaim = session.Statement(Unclaim);
        unclaim.Bind("$status", skipped ? (long)TickerStatus.Skipped : (long)TickerStatus.Idle);
        unclaim.Bind("$reason", skipped ? CronTickerOccurrence.OverlapSkippedReason : row.ExceptionMessage);
        unclaim.Bind("$id", row.Id);
        unclaim.Execute();
    }
}
