namespace Ticker;

/// <summary>
/// Writes a batch of outcomes in one <c>BEGIN IMMEDIATE</c> transaction. Each outcome is written only while its row is
/// still in progress under the same fence; a final one then releases or skips the ticker's waiting children, as
/// <see cref="ChainRules"/> decide, and the children of a skipped child in turn.
/// </summary>
internal static class SqliteTickerCompletions
{
    private const string Complete = """
        UPDATE tickers
        SET status = $status, retry_count = $retry_count, execution_time = $execution_time,
            executed_at = COALESCE($executed_at, executed_at), elapsed_ms = $elapsed_ms,
            exception_message = COALESCE($exception_message, exception_message),
            lock_holder = NULL, locked_at = NULL, lease_expiry = NULL, updated_at = $now
        WHERE id = $id AND fence = $fence AND status = 2;
        """;

    private const string WaitingChildren =
        "SELECT id, run_condition FROM tickers WHERE parent_id = $parent_id AND awaiting_parent = 1;";

    private const string Release = """
        UPDATE tickers SET awaiting_parent = 0, execution_time = MAX(execution_time, $now), updated_at = $now
        WHERE id = $id;
        """;

    private const string Skip = """
        UPDATE tickers SET awaiting_parent = 0, status = 7, exception_message = $reason, updated_at = $now
        WHERE id = $id;
        """;

    /// <summary>Writes the outcomes whose fence still matches, at <paramref name="now"/> on the store's clock; returns
    /// how many were written.</summary>
    public static int CompleteAll(SqliteSession session, IReadOnlyList<TickerCompletion> completions, DateTime now)
    {
        using var transaction = session.BeginImmediate();
        var written = 0;
        foreach (var completion in completions)
        {
            if (!TryWrite(session, completion, now))
            {
                continue;
            }

            written++;
            if (completion.IsFinal)
            {
                SettleChildren(session, completion.Id, completion.Status, now);
            }
        }

        transaction.Commit();

        return written;
    }

    private static bool TryWrite(
        SqliteSession session,
        TickerCompletion completion,
        DateTime now)
    {
        var update = session.Statement(Complete);
        update.Bind("$id", completion.Id);
        update.Bind("$fence", completion.Fence);
        update.Bind("$status", (long)completion.Status);
        update.Bind("$retry_count", completion.RetryCount);
        update.Bind("$execution_time", completion.ExecutionTime);
        update.Bind("$executed_at", completion.ExecutedAt);
        update.Bind("$elapsed_ms", completion.ElapsedMilliseconds);
        update.Bind("$exception_message", completion.ExceptionMessage);
        update.Bind("$now", now);

        return update.Execute() == 1;
    }

    private static void SettleChildren(
        SqliteSession session,
        Guid parentId,
        TickerStatus parentStatus,
        DateTime now)
    {
        foreach (var (childId, condition) in ReadWaitingChildren(session, parentId))
        {
            if (ChainRules.Allows(condition, parentStatus))
            {
                ReleaseChild(session, childId, now);
                continue;
            }

            SkipChild(session, childId, ChainRules.SkipReason(condition, parentStatus), now);
            SettleChildren(session, childId, TickerStatus.Skipped, now);
        }
    }

    private static void ReleaseChild(SqliteSession session, Guid id, DateTime now)
    {
        var release = session.Statement(Release);
        release.Bind("$id", id);
        release.Bind("$now", now);
        release.Execute();
    }

    private static void SkipChild(
        SqliteSession session,
        Guid id,
        string reason,
        DateTime now)
    {
        var skip = session.Statement(Skip);
        skip.Bind("$id", id);
        skip.Bind("$reason", reason);
        skip.Bind("$now", now);
        skip.Execute();
    }

    private static List<(Guid Id, RunCondition? Condition)> ReadWaitingChildren(
        SqliteSession session,
        Guid parentId)
    {
        var select = session.Statement(WaitingChildren);
        select.Bind("$parent_id", parentId);
        var children = new List<(Guid, RunCondition?)>();
        try
        {
            while (select.Step())
            {
                var condition = select.IsNull(1) ? (RunCondition?)null : (RunCondition)select.Int64(1);
                children.Add((select.Guid(0) ?? Guid.Empty, condition));
            }
        }
        finally
        {
            select.Reset();
        }

        return children;
    }
}
