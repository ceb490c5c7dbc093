using Microsoft.Data.Sqlite;

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
            if (!TryWrite(session, transaction, completion, now))
            {
                continue;
            }

            written++;
            if (completion.IsFinal)
            {
                SettleChildren(session, transaction, completion.Id, completion.Status, now);
            }
        }

        transaction.Commit();

        return written;
    }

    private static bool TryWrite(
        SqliteSession session,
        SqliteTransaction transaction,
        TickerCompletion completion,
        DateTime now)
    {
        var update = session.Command(Complete, transaction);
        update.Set("$id", completion.Id);
        update.Set("$fence", completion.Fence);
        update.Set("$status", (int)completion.Status);
        update.Set("$retry_count", completion.RetryCount);
        update.Set("$execution_time", completion.ExecutionTime);
        update.Set("$executed_at", completion.ExecutedAt);
        update.Set("$elapsed_ms", completion.ElapsedMilliseconds);
        update.Set("$exception_message", completion.ExceptionMessage);
        update.Set("$now", now);

        return update.ExecuteNonQuery() == 1;
    }

    private static void SettleChildren(
        SqliteSession session,
        SqliteTransaction transaction,
        Guid parentId,
        TickerStatus parentStatus,
        DateTime now)
    {
        foreach (var (childId, condition) in ReadWaitingChildren(session, transaction, parentId))
        {
            if (ChainRules.Allows(condition, parentStatus))
            {
                ReleaseChild(session, transaction, childId, now);
                continue;
            }

            SkipChild(session, transaction, childId, ChainRules.SkipReason(condition, parentStatus), now);
            SettleChildren(session, transaction, childId, TickerStatus.Skipped, now);
        }
    }

    private static void ReleaseChild(SqliteSession session, SqliteTransaction transaction, Guid id, DateTime now)
    {
        var release = session.Command(Release, transaction);
        release.Set("$id", id);
        release.Set("$now", now);
        release.ExecuteNonQuery();
    }

    private static void SkipChild(
        SqliteSession session,
        SqliteTransaction transaction,
        Guid id,
        string reason,
        DateTime now)
    {
        var skip = session.Command(Skip, transaction);
        skip.Set("$id", id);
        skip.Set("$reason", reason);
        skip.Set("$now", now);
        skip.ExecuteNonQuery();
    }

    private static List<(Guid Id, RunCondition? Condition)> ReadWaitingChildren(
        SqliteSession session,
        SqliteTransaction transaction,
        Guid parentId)
    {
        var select = session.Command(WaitingChildren, transaction);
        select.Set("$parent_id", parentId);
        var children = new List<(Guid, RunCondition?)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var condition = reader.IsDBNull(1) ? (RunCondition?)null : (RunCondition)reader.GetInt32(1);
            children.Add((SqliteValues.ToGuid(reader.GetFieldValue<byte[]>(0)), condition));
        }

        return children;
    }
}
