namespace Ticker;

/// <summary>The cron reads: definitions, each cron's latest scheduled occurrence, and a cron's occurrences.</summary>
internal static class SqliteCronReads
{
    private const string SelectById = $"SELECT {CronRows.Columns} FROM cron_tickers WHERE id = $id;";

    private const string SelectEnabled = $"SELECT {CronRows.Columns} FROM cron_tickers WHERE is_enabled = 1;";

    private const string CountCrons = "SELECT COUNT(*) FROM cron_tickers;";

    private const string SelectPage =
        $"SELECT {CronRows.Columns} FROM cron_tickers ORDER BY created_at, id LIMIT $take OFFSET $skip;";

    /// <summary>Read from the unique (cron, time) index, one group per cron.</summary>
    private const string LastTimes = """
        SELECT cron_ticker_id, MAX(cron_time) FROM tickers WHERE cron_time IS NOT NULL GROUP BY cron_ticker_id;
        """;

    private const string CountOccurrences =
        "SELECT COUNT(*) FROM tickers WHERE cron_ticker_id = $cron_id;";

    private const string SelectOccurrences = $"""
        SELECT {TickerRows.Columns} FROM tickers WHERE cron_ticker_id = $cron_id
        ORDER BY execution_time, id LIMIT $take OFFSET $skip;
        """;

    /// <summary>The cron with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static CronTickerRecord? Get(SqliteSession session, Guid id)
    {
        var select = session.Statement(SelectById);
        select.Bind("$id", id);
        var rows = CronRows.ReadAll(select);

        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every enabled cron.</summary>
    public static List<CronTickerRecord> Enabled(SqliteSession session) =>
        CronRows.ReadAll(session.Statement(SelectEnabled));

    /// <summary>One page of crons with the count of all, from one snapshot.</summary>
    public static TickerPage<CronTickerRecord> Query(SqliteSession session, int skip, int take)
    {
        using var transaction = session.BeginRead();
        var total = Count(session.Statement(CountCrons));
        var page = session.Statement(SelectPage);
        page.Bind("$skip", Math.Max(skip, 0));
        page.Bind("$take", Math.Max(take, 0));
        var items = CronRows.ReadAll(page);
        transaction.Commit();

        return new TickerPage<CronTickerRecord>(items, total);
    }

    /// <summary>The latest scheduled occurrence time of each cron.</summary>
    public static Dictionary<Guid, DateTime> LastCronTimes(SqliteSession session)
    {
        var select = session.Statement(LastTimes);
        var last = new Dictionary<Guid, DateTime>();
        try
        {
            while (select.Step())
            {
                last[select.Guid(0) ?? Guid.Empty] = SqliteValues.FromTicks(select.Int64(1));
            }
        }
        finally
        {
            select.Reset();
        }

        return last;
    }

    /// <summary>One page of a cron's occurrences with the count of all, from one snapshot.</summary>
    public static TickerPage<TickerRecord> Occurrences(SqliteSession session, Guid cronId, int skip, int take)
    {
        using var transaction = session.BeginRead();
        var count = session.Statement(CountOccurrences);
        count.Bind("$cron_id", cronId);
        var total = Count(count);
        var page = session.Statement(SelectOccurrences);
        page.Bind("$cron_id", cronId);
        page.Bind("$skip", Math.Max(skip, 0));
        page.Bind("$take", Math.Max(take, 0));
        var items = TickerRows.ReadAll(page);
        transaction.Commit();

        return new TickerPage<TickerRecord>(items, total);
    }

    private static int Count(PreparedStatement statement)
    {
        try
        {
            return statement.Step() ? (int)statement.Int64(0) : 0;
        }
        finally
        {
            statement.Reset();
        }
    }
}
