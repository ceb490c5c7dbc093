namespace Ticker;

/// <summary>The reads: one ticker, a page of a query, the next wake time. Each runs in one read snapshot.</summary>
internal static class SqliteTickerReads
{
    private const string SelectById = $"SELECT {TickerRows.Columns} FROM tickers WHERE id = $id;";

    private const string Filter = """
        WHERE ($status IS NULL OR status = $status)
          AND ($function IS NULL OR function = $function)
          AND ($from IS NULL OR execution_time >= $from)
          AND ($to IS NULL OR execution_time < $to)
        """;

    private const string CountMatches = $"SELECT COUNT(*) FROM tickers {Filter};";

    private const string SelectPage =
        $"SELECT {TickerRows.Columns} FROM tickers {Filter} ORDER BY execution_time, id LIMIT $take OFFSET $skip;";

    /// <summary>Both minimums come from the partial indexes, so this stays a pair of index lookups.</summary>
    private const string NextWake = """
        SELECT MIN(at) FROM (
            SELECT MIN(execution_time) AS at FROM tickers WHERE status = 0 AND awaiting_parent = 0
            UNION ALL
            SELECT MIN(lease_expiry) FROM tickers WHERE status = 2);
        """;

    /// <summary>The ticker with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static TickerRecord? Get(SqliteSession session, Guid id)
    {
        var select = session.Command(SelectById, null);
        select.Set("$id", id);
        var rows = TickerRows.ReadAll(select);

        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>One page of the tickers matching <paramref name="query"/>, with the count of all matches, both read
    /// from the same snapshot.</summary>
    public static TickerPage<TickerRecord> Query(SqliteSession session, TimeTickerQuery query)
    {
        using var transaction = session.BeginRead();
        var count = session.Command(CountMatches, transaction);
        BindFilter(count, query);
        var total = Convert.ToInt32(count.ExecuteScalar(), null);

        var page = session.Command(SelectPage, transaction);
        BindFilter(page, query);
        page.Set("$skip", Math.Max(query.Skip, 0));
        page.Set("$take", Math.Max(query.Take, 0));
        var items = TickerRows.ReadAll(page);
        transaction.Commit();

        return new TickerPage<TickerRecord>(items, total);
    }

    /// <summary>The earliest idle due time or lease expiry, or <see langword="null"/> when there is neither.</summary>
    public static DateTime? NextWakeTime(SqliteSession session)
    {
        var value = session.Command(NextWake, null).ExecuteScalar();

        return value is long ticks ? SqliteValues.FromTicks(ticks) : null;
    }

    private static void BindFilter(Microsoft.Data.Sqlite.SqliteCommand command, TimeTickerQuery query)
    {
        command.Set("$status", (int?)query.Status);
        command.Set("$function", query.Function);
        command.Set("$from", query.From);
        command.Set("$to", query.To);
    }
}
