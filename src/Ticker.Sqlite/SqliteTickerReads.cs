namespace Ticker;

/// <summary>The reads: one ticker, a page of a query, the next wake time. Each runs in one read snapshot.</summary>
internal static class SqliteTickerReads
{
    private const string SelectById = $"SELECT {TickerRows.Columns} FROM tickers WHERE id = $id;";

    private const string Filter = """
        WHERE cron_ticker_id IS NULL
          AND ($status IS NULL OR status = $status)
          AND ($function IS NULL OR function = $function)
          AND ($from IS NULL OR execution_time >= $from)
          AND ($to IS NULL OR execution_time < $to)
        """;

    private const string CountMatches = $"SELECT COUNT(*) FROM tickers {Filter};";

    private const string SelectPage =
        $"SELECT {TickerRows.Columns} FROM tickers {Filter} ORDER BY execution_time, id LIMIT $take OFFSET $skip;";

    /// <summary>Both minimums come from the partial indexes, so this stays a pair of index walks that stop at the
    /// first row. An occurrence waiting for a running occurrence of its cron (overlap policy Wait) is not due.
    /// </summary>
    private const string NextWake = $"""
        SELECT MIN(at) FROM (
            SELECT * FROM (
                SELECT execution_time AS at FROM tickers WHERE status = 0 AND awaiting_parent = 0
                    AND {SqliteTickerClaims.NotWaiting}
                ORDER BY execution_time LIMIT 1)
            UNION ALL
            SELECT MIN(lease_expiry) FROM tickers WHERE status = 2);
        """;

    /// <summary>The ticker with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static TickerRecord? Get(SqliteSession session, Guid id)
    {
        var select = session.Statement(SelectById);
        select.Bind("$id", id);
        var rows = TickerRows.ReadAll(select);

        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>One page of the tickers matching <paramref name="query"/>, with the count of all matches, both read
    /// from the same snapshot.</summary>
    public static TickerPage<TickerRecord> Query(SqliteSession session, TimeTickerQuery query)
    {
        using var transaction = session.BeginRead();
        var count = session.Statement(CountMatches);
        BindFilter(count, query);
        var total = (int)(ReadInteger(count) ?? 0);

        var page = session.Statement(SelectPage);
        BindFilter(page, query);
        page.Bind("$skip", Math.Max(query.Skip, 0));
        page.Bind("$take", Math.Max(query.Take, 0));
        var items = TickerRows.ReadAll(page);
        transaction.Commit();

        return new TickerPage<TickerRecord>(items, total);
    }

    /// <summary>The earliest idle due time or lease expiry, or <see langword="null"/> when there is neither.</summary>
    public static DateTime? NextWakeTime(SqliteSession session)
    {
        var ticks = ReadInteger(session.Statement(NextWake));

        return ticks is { } value ? SqliteValues.FromTicks(value) : null;
    }

    private static void BindFilter(PreparedStatement statement, TimeTickerQuery query)
    {
        statement.Bind("$status", (long?)query.Status);
        statement.Bind("$function", query.Function);
        statement.Bind("$from", query.From);
        statement.Bind("$to", query.To);
    }

    /// <summary>Runs a statement that returns one integer, or <c>NULL</c>.</summary>
    private static long? ReadInteger(PreparedStatement statement)
    {
        try
        {
            return statement.Step() && !statement.IsNull(0) ? statement.Int64(0) : null;
        }
        finally
        {
            statement.Reset();
        }
    }
}
