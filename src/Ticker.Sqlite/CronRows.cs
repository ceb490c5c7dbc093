namespace Ticker;

/// <summary>The columns of a <c>cron_tickers</c> row, in the order <see cref="Read"/> expects, and how a record fills
/// them.</summary>
internal static class CronRows
{
    /// <summary>Every column, in reading order.</summary>
    public const string Columns = """
        id, function, expression, request, retries, retry_intervals, is_enabled, time_zone, description, misfire,
        overlap, seed_key, created_at, updated_at
        """;

    /// <summary>The parameters of an INSERT, in the order of <see cref="Columns"/>.</summary>
    public const string Parameters = """
        $id, $function, $expression, $request, $retries, $retry_intervals, $is_enabled, $time_zone, $description,
        $misfire, $overlap, $seed_key, $created_at, $updated_at
        """;

    /// <summary>Reads the current row of a statement that selected <see cref="Columns"/>.</summary>
    public static CronTickerRecord Read(PreparedStatement row) => new()
    {
        Id = row.Guid(0) ?? Guid.Empty,
        Function = row.Text(1) ?? string.Empty,
        Expression = row.Text(2) ?? string.Empty,
        Request = row.Blob(3),
        Retries = (int)row.Int64(4),
        RetryIntervals = row.Text(5) is { } intervals ? SqliteValues.ToIntervals(intervals) : null,
        IsEnabled = row.Int64(6) != 0,
        TimeZone = row.Text(7),
        Description = row.Text(8),
        Misfire = (CronMisfirePolicy)row.Int64(9),
        Overlap = (CronOverlapPolicy)row.Int64(10),
        SeedKey = row.Text(11),
        CreatedAt = SqliteValues.FromTicks(row.Int64(12)),
        UpdatedAt = SqliteValues.FromTicks(row.Int64(13)),
    };

    /// <summary>Runs a statement that selects <see cref="Columns"/> and reads every row it returns.</summary>
    public static List<CronTickerRecord> ReadAll(PreparedStatement statement)
    {
        var rows = new List<CronTickerRecord>();
        try
        {
            while (statement.Step())
            {
                rows.Add(Read(statement));
            }
        }
        finally
        {
            statement.Reset();
        }

        return rows;
    }

    /// <summary>Binds every parameter of <see cref="Parameters"/> from <paramref name="cron"/>.</summary>
    public static void Bind(PreparedStatement statement, CronTickerRecord cron)
    {
        BindDefinition(statement, cron);
        statement.Bind("$seed_key", cron.SeedKey);
        statement.Bind("$created_at", cron.CreatedAt);
    }

    /// <summary>Binds what an update may change: all but the seed key and the creation time.</summary>
    public static void BindDefinition(PreparedStatement statement, CronTickerRecord cron)
    {
        statement.Bind("$id", cron.Id);
        statement.Bind("$function", cron.Function);
        statement.Bind("$expression", cron.Expression);
        statement.Bind("$request", cron.Request);
        statement.Bind("$retries", cron.Retries);
        statement.Bind("$retry_intervals", SqliteValues.FromIntervals(cron.RetryIntervals));
        statement.Bind("$is_enabled", cron.IsEnabled ? 1 : 0);
        statement.Bind("$time_zone", cron.TimeZone);
        statement.Bind("$description", cron.Description);
        statement.Bind("$misfire", (long)cron.Misfire);
        statement.Bind("$overlap", (long)cron.Overlap);
        statement.Bind("$updated_at", cron.UpdatedAt);
    }
}
