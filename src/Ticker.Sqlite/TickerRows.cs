using Microsoft.Data.Sqlite;

namespace Ticker;

/// <summary>The columns of a ticker row, in the order <see cref="Read"/> expects, and how a record fills them.</summary>
internal static class TickerRows
{
    /// <summary>Every column, in reading order.</summary>
    public const string Columns = """
        id, function, description, execution_time, request, retries, retry_intervals, status, retry_count,
        lock_holder, locked_at, lease_expiry, fence, executed_at, elapsed_ms, exception_message, created_at,
        updated_at, parent_id, run_condition, awaiting_parent, trace_parent
        """;

    /// <summary>The parameters of an INSERT, in the order of <see cref="Columns"/>.</summary>
    public const string Parameters = """
        $id, $function, $description, $execution_time, $request, $retries, $retry_intervals, $status, $retry_count,
        $lock_holder, $locked_at, $lease_expiry, $fence, $executed_at, $elapsed_ms, $exception_message, $created_at,
        $updated_at, $parent_id, $run_condition, $awaiting_parent, $trace_parent
        """;

    /// <summary>Reads the current row, selected with <see cref="Columns"/>.</summary>
    public static TickerRecord Read(SqliteDataReader reader) => new()
    {
        Id = SqliteValues.ToGuid(reader.GetFieldValue<byte[]>(0)),
        Function = reader.GetString(1),
        Description = reader.IsDBNull(2) ? null : reader.GetString(2),
        ExecutionTime = SqliteValues.FromTicks(reader.GetInt64(3)),
        Request = reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
        Retries = reader.GetInt32(5),
        RetryIntervals = reader.IsDBNull(6) ? null : SqliteValues.ToIntervals(reader.GetString(6)),
        Status = (TickerStatus)reader.GetInt32(7),
        RetryCount = reader.GetInt32(8),
        LockHolder = reader.IsDBNull(9) ? null : reader.GetString(9),
        LockedAt = ReadTime(reader, 10),
        LeaseExpiry = ReadTime(reader, 11),
        Fence = reader.GetInt64(12),
        ExecutedAt = ReadTime(reader, 13),
        ElapsedMilliseconds = reader.GetInt64(14),
        ExceptionMessage = reader.IsDBNull(15) ? null : reader.GetString(15),
        CreatedAt = SqliteValues.FromTicks(reader.GetInt64(16)),
        UpdatedAt = SqliteValues.FromTicks(reader.GetInt64(17)),
        ParentId = reader.IsDBNull(18) ? null : SqliteValues.ToGuid(reader.GetFieldValue<byte[]>(18)),
        RunCondition = reader.IsDBNull(19) ? null : (RunCondition)reader.GetInt32(19),
        AwaitingParent = reader.GetBoolean(20),
        TraceParent = reader.IsDBNull(21) ? null : reader.GetString(21),
    };

    /// <summary>Reads every row the command returns.</summary>
    public static List<TickerRecord> ReadAll(SqliteCommand command)
    {
        var rows = new List<TickerRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    /// <summary>Sets the parameters of <see cref="Parameters"/> from <paramref name="record"/>.</summary>
    public static void Bind(SqliteCommand command, TickerRecord record)
    {
        BindSchedule(command, record);
        BindState(command, record);
        command.Set("$created_at", record.CreatedAt);
        command.Set("$updated_at", record.UpdatedAt);
        command.Set("$parent_id", record.ParentId);
        command.Set("$run_condition", (int?)record.RunCondition);
        command.Set("$awaiting_parent", record.AwaitingParent ? 1 : 0);
        command.Set("$trace_parent", record.TraceParent);
    }

    /// <summary>Sets what an update of an idle ticker may change, besides its id and update time.</summary>
    public static void BindSchedule(SqliteCommand command, TickerRecord record)
    {
        command.Set("$id", record.Id);
        command.Set("$function", record.Function);
        command.Set("$description", record.Description);
        command.Set("$execution_time", record.ExecutionTime);
        command.Set("$request", record.Request);
        command.Set("$retries", record.Retries);
        command.Set("$retry_intervals", SqliteValues.FromIntervals(record.RetryIntervals));
    }

    private static void BindState(SqliteCommand command, TickerRecord record)
    {
        command.Set("$status", (int)record.Status);
        command.Set("$retry_count", record.RetryCount);
        command.Set("$lock_holder", record.LockHolder);
        command.Set("$locked_at", record.LockedAt);
        command.Set("$lease_expiry", record.LeaseExpiry);
        command.Set("$fence", record.Fence);
        command.Set("$executed_at", record.ExecutedAt);
        command.Set("$elapsed_ms", record.ElapsedMilliseconds);
        command.Set("$exception_message", record.ExceptionMessage);
    }

    private static DateTime? ReadTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteValues.FromTicks(reader.GetInt64(ordinal));
}
