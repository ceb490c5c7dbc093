namespace Ticker;

/// <summary>The all-or-nothing batch writes: insert, update of idle tickers, delete with descendants. Each batch is
/// one <c>BEGIN IMMEDIATE</c> transaction that reuses one prepared statement for every row and rolls back whole on
/// refusal.</summary>
internal static class SqliteTickerWrites
{
    private const string Insert =
        $"INSERT INTO tickers ({TickerRows.Columns}) VALUES ({TickerRows.Parameters}) ON CONFLICT (id) DO NOTHING;";

    private const string UpdateIdle = """
        UPDATE tickers
        SET function = $function, description = $description, execution_time = $execution_time, request = $request,
            retries = $retries, retry_intervals = $retry_intervals, updated_at = $updated_at
        WHERE id = $id AND status = 0;
        """;

    private const string Exists = "SELECT 1 FROM tickers WHERE id = $id;";

    private const string DeleteTree = """
        WITH RECURSIVE tree(id) AS (
            SELECT $id
            UNION
            SELECT tickers.id FROM tickers JOIN tree ON tickers.parent_id = tree.id)
        DELETE FROM tickers WHERE id IN (SELECT id FROM tree);
        """;

    /// <summary>Inserts every record, or none when an id exists already or repeats within the batch.</summary>
    public static StoreWriteResult InsertAll(SqliteSession session, IReadOnlyList<TickerRecord> records)
    {
        using var transaction = session.BeginImmediate();
        var insert = session.Statement(Insert);
        for (var i = 0; i < records.Count; i++)
        {
            TickerRows.Bind(insert, records[i]);
            if (insert.Execute() == 0)
            {
                return StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, i);
            }
        }

        transaction.Commit();

        return StoreWriteResult.Applied(records.Count);
    }

    /// <summary>Updates every record whose ticker is idle, or none when one is missing or no longer idle.</summary>
    public static StoreWriteResult UpdateAllIdle(SqliteSession session, IReadOnlyList<TickerRecord> records)
    {
        using var transaction = session.BeginImmediate();
        var update = session.Statement(UpdateIdle);
        for (var i = 0; i < records.Count; i++)
        {
            TickerRows.BindSchedule(update, records[i]);
            update.Bind("$updated_at", records[i].UpdatedAt);
            if (update.Execute() == 0)
            {
                var failure = IsMissing(session, records[i].Id)
                    ? StoreWriteFailure.NotFound
                    : StoreWriteFailure.NotIdle;

                return StoreWriteResult.Refused(failure, i);
            }
        }

        transaction.Commit();

        return StoreWriteResult.Applied(records.Count);
    }

    /// <summary>Deletes every ticker with its descendants, or none when one is missing.</summary>
    public static StoreWriteResult DeleteAll(SqliteSession session, IReadOnlyList<Guid> ids)
    {
        using var transaction = session.BeginImmediate();
        for (var i = 0; i < ids.Count; i++)
        {
            if (IsMissing(session, ids[i]))
            {
                return StoreWriteResult.Refused(StoreWriteFailure.NotFound, i);
            }
        }

        var delete = session.Statement(DeleteTree);
        var removed = 0;
        foreach (var id in ids)
        {
            delete.Bind("$id", id);
            removed += delete.Execute();
        }

        transaction.Commit();

        return StoreWriteResult.Applied(removed);
    }

    private static bool IsMissing(SqliteSession session, Guid id)
    {
        var exists = session.Statement(Exists);
        exists.Bind("$id", id);
        try
        {
            return !exists.Step();
        }
        finally
        {
            exists.Reset();
        }
    }
}
