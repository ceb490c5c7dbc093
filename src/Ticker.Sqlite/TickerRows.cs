namespace Ticker;

/// <summary>The columns of a ticker row, in the order <see cref="Read"/> expects, and how a record fills them.
/// </summary>
internal static class TickerRows
{
    /// <summary>Every column, in reading order.</summary>
    public const string Columns = """
        id, function, description, execution_time, request, retries, retry_intervals, status, retry_count,
        lock_holder, locked_at, lease_expiry, fence, executed_at, elapsed_ms, exception_message, created_at,
        updated_at, parent_id, run_condition, awaiting_parent, trace_parent, cron_ticker_id, cron_time, cron_overlap
        """;

    /// <summary>The parameters of an INSERT, in the order of <see cref="Columns"/>.</summary>
    public const string Parameters = """
        $id, $function, $description, $execution_time, $request, $retries, $retry_intervals, $status, $retry_count,
        $lock_holder, $locked_at, $lease_expiry, $fence, $executed_at, $elapsed_ms, $exception_message, $created_at,
        $updated_at, $parent_id, $run_condition, $awaiting_parent, $trace_parent, $cron_ticker_id, $cron_time,
        $cron_overlap
        """;

    /// <summary>Reads the current row of a statement that selected <see cref="Columns"/>.</summary>
    public static TickerRecord Read(PreparedStatement row) => new()
    {
        Id = row.Guid(0) ?? Guid.Empty,
        Function = row.Text(1) ?? string.Empty,
        Description = row.Text(2),
        ExecutionTime = SqliteValues.FromTicks(row.Int64(3)),
        Request = row.Blob(4),
        Retries = (int)row.Int64(5),
        RetryIntervals = row.Text(6) is { } intervals ? SqliteValues.ToIntervals(intervals) : null,
        Status = (TickerStatus)row.Int64(7),
        RetryCount = (int)row.Int64(8),
        LockHolder = row.Text(9),
        LockedAt = ReadTime(row, 10),
        LeaseExpiry = ReadTime(row, 11),
        Fence = row.Int64(12),
        ExecutedAt = ReadTime(row, 13),
        ElapsedMilliseconds = row.Int64(14),
        ExceptionMessage = row.Text(15),
        CreatedAt = SqliteValues.FromTicks(row.Int64(16)),
        UpdatedAt = SqliteValues.FromTicks(row.Int64(17)),
        ParentId = row.Guid(18),
        RunCondition = row.IsNull(19) ? null : (RunCondition)row.Int64(19),
        AwaitingParent = row.Int64(20) != 0,
        TraceParent = row.Text(21),
        CronTickerId = row.Guid(22),
        CronTime = ReadTime(row, 23),
        CronOverlap = (CronOverlapPolicy)row.Int64(24),
    };

    /// <summary>Runs a statement that selects <see cref="Columns"/> and reads every row it returns.</summary>
    public static List<TickerRecord> ReadAll(PreparedStatement statement)
    {
        var rows = new List<TickerRecord>();
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

    /// <summary>Binds the parameters of <see cref="Parameters"/> from <paramref name="record"/>.</summary>
    public static void Bind(PreparedStatement statement, TickerRecord record)
    {
        BindSchedule(statement, record);
        BindState(statement, record);
        statement.Bind("$created_at", record.CreatedAt);
        statement.Bind("$updated_at", record.UpdatedAt);
        statement.Bind("$parent_id", record.ParentId);
        statement.Bind("$run_condition", (long?)record.RunCondition);
        statement.Bind("$awaiting_parent", record.AwaitingParent ? 1 : 0);
        statement.Bind("$trace_parent", record.TraceParent);
        statement.Bind("$cron_ticker_id", record.CronTickerId);
        statement.Bind("$cron_time", record.CronTime);
        statement.Bind("$cron_overlap", (long)record.CronOverlap);
    }

    /// <summary>Binds what an update of an idle ticker may change, besides its update time.</summary>
    public static void BindSchedule(PreparedStatement statement, TickerRecord record)
    {
        statement.Bind("$id", record.Id);
        statement.Bind("$function", record.Function);
        statement.Bind("$description", record.Description);
        statement.Bind("$execution_time", record.ExecutionTime);
        statement.Bind("$request", record.Request);
        statement.Bind("$retries", record.Retries);
        statement.Bind("$retry_intervals", SqliteValues.FromIntervals(record.RetryIntervals));
    }

    private static void BindState(PreparedStatement statement, TickerRecord record)
    {
        statement.Bind("$status", (long)record.Status);
        statement.Bind("$retry_count", record.RetryCount);
        statement.Bind("$lock_holder", record.LockHolder);
        statement.Bind("$locked_at", record.LockedAt);
        statement.Bind("$lease_expiry", record.LeaseExpiry);
        statement.Bind("$fence", record.Fence);
        statement.Bind("$executed_at", record.ExecutedAt);
        statement.Bind("$elapsed_ms", record.ElapsedMilliseconds);
        statement.Bind("$exception_message", record.ExceptionMessage);
    }

    private static DateTime? ReadTime(PreparedStatement row, int column) =>
        row.IsNull(column) ? null : SqliteValues.FromTicks(row.Int64(column));
}
