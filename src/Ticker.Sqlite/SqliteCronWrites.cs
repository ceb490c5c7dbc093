namespace Ticker;

/// <summary>The cron writes, each one <c>BEGIN IMMEDIATE</c> transaction: definitions all-or-nothing, occurrences
/// insert-or-ignore on their id and their (cron, time) key.</summary>
internal static class SqliteCronWrites
{
    private const string Insert =
        $"INSERT OR IGNORE INTO cron_tickers ({CronRows.Columns}) VALUES ({CronRows.Parameters});";

    private const string Update = """
        UPDATE cron_tickers
        SET function = $function, expression = $expression, request = $request, retries = $retries,
            retry_intervals = $retry_intervals, is_enabled = $is_enabled, time_zone = $time_zone,
            description = $description, misfire = $misfire, overlap = $overlap, updated_at = $updated_at
        WHERE id = $id;
        """;

    private const string Reseed = """
        UPDATE cron_tickers SET expression = $expression, updated_at = $updated_at
        WHERE seed_key = $seed_key AND expression <> $expression
        RETURNING id;
        """;

    private const string Delete = "DELETE FROM cron_tickers WHERE id = $id;";

    private const string DeletePending = """
        DELETE FROM tickers
        WHERE cron_ticker_id = $id AND status = 0 AND retry_count = 0 AND cron_time IS NOT NULL;
        """;

    private const string DeleteIdle = "DELETE FROM tickers WHERE cron_ticker_id = $id AND status = 0;";

    private const string InsertOccurrence =
        $"INSERT OR IGNORE INTO tickers ({TickerRows.Columns}) VALUES ({TickerRows.Parameters});";

    /// <summary>Inserts every cron, or none when an id or a seed key exists already.</summary>
    public static StoreWriteResult InsertAll(SqliteSession session, IReadOnlyList<CronTickerRecord> crons)
    {
        using var transaction = session.BeginImmediate();
        var insert = session.Statement(Insert);
        for (var i = 0; i < crons.Count; i++)
        {
            CronRows.Bind(insert, crons[i]);
            if (insert.Execute() == 0)
            {
                return StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, i);
            }
        }

        transaction.Commit();

        return StoreWriteResult.Applied(crons.Count);
    }

    /// <summary>Updates every cron and deletes its pending occurrences, or none when one is missing.</summary>
    public static StoreWriteResult UpdateAll(SqliteSession session, IReadOnlyList<CronTickerRecord> crons)
    {
        using var transaction = session.BeginImmediate();
        var update = session.Statement(Update);
        for (var i = 0; i < crons.Count; i++)
        {
            CronRows.BindDefinition(update, crons[i]);
            if (update.Execute() == 0)
            {
                return StoreWriteResult.Refused(StoreWriteFailure.NotFound, i);
            }

            DeleteOccurrences(session, DeletePending, crons[i].Id);
        }

        transaction.Commit();

        return StoreWriteResult.Applied(crons.Count);
    }

    /// <summary>Deletes every cron with its idle occurrences, or none when one is missing.</summary>
    public static StoreWriteResult DeleteAll(SqliteSession session, IReadOnlyList<Guid> ids)
    {
        using var transaction = session.BeginImmediate();
        var delete = session.Statement(Delete);
        var deleted = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!deleted.Add(ids[i]))
            {
                continue;
            }

            delete.Bind("$id", ids[i]);
            if (delete.Execute() == 0)
            {
                return StoreWriteResult.Refused(StoreWriteFailure.NotFound, i);
            }

            DeleteOccurrences(session, DeleteIdle, ids[i]);
        }

        transaction.Commit();

        return StoreWriteResult.Applied(deleted.Count);
    }

    /// <summary>Inserts the cron declared in code, or updates the expression of the one with its seed key.</summary>
    public static bool Seed(SqliteSession session, CronTickerRecord cron)
    {
        using var transaction = session.BeginImmediate();
        var insert = session.Statement(Insert);
        CronRows.Bind(insert, cron);
        var written = insert.Execute() == 1 || Reseeded(session, cron);
        transaction.Commit();

        return written;
    }

    /// <summary>Inserts the occurrences that do not exist yet; returns how many.</summary>
    public static int InsertOccurrences(SqliteSession session, IReadOnlyList<TickerRecord> occurrences)
    {
        using var transaction = session.BeginImmediate();
        var insert = session.Statement(InsertOccurrence);
        var inserted = 0;
        foreach (var occurrence in occurrences)
        {
            TickerRows.Bind(insert, occurrence);
            inserted += insert.Execute();
        }

        transaction.Commit();

        return inserted;
    }

    private static bool Reseeded(SqliteSession session, CronTickerRecord cron)
    {
        var reseed = session.Statement(Reseed);
        reseed.Bind("$expression", cron.Expression);
        reseed.Bind("$updated_at", cron.UpdatedAt);
        reseed.Bind("$seed_key", cron.SeedKey);
        Guid? id = null;
        try
        {
            id = reseed.Step() ? reseed.Guid(0) : null;
        }
        finally
        {
            reseed.Reset();
        }

        if (id is { } changed)
        {
            DeleteOccurrences(session, DeletePending, changed);
        }

        return id is not null;
    }

    private static void DeleteOccurrences(SqliteSession session, string sql, Guid cronId)
    {
        var delete = session.Statement(sql);
        delete.Bind("$id", cronId);
        delete.Execute();
    }
}
