using Npgsql;

namespace Ticker;

/// <summary>Reads ticker rows selected as <see cref="PostgreSqlTickerStatements.Columns"/>.</summary>
internal static class PostgreSqlTickerRows
{
    /// <summary>The current row of <paramref name="row"/>; times come back as UTC.</summary>
    public static TickerRecord Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetGuid(0),
        Function = row.GetString(1),
        Description = NullableString(row, 2),
        ExecutionTime = row.GetFieldValue<DateTime>(3),
        Request = row.IsDBNull(4) ? null : row.GetFieldValue<byte[]>(4),
        Retries = row.GetInt32(5),
        RetryIntervals = row.IsDBNull(6) ? null : row.GetFieldValue<int[]>(6),
        Status = (TickerStatus)row.GetInt16(7),
        RetryCount = row.GetInt32(8),
        LockHolder = NullableString(row, 9),
        LockedAt = NullableTime(row, 10),
        LeaseExpiry = NullableTime(row, 11),
        Fence = row.GetInt64(12),
        ExecutedAt = NullableTime(row, 13),
        ElapsedMilliseconds = row.GetInt64(14),
        ExceptionMessage = NullableString(row, 15),
        CreatedAt = row.GetFieldValue<DateTime>(16),
        UpdatedAt = row.GetFieldValue<DateTime>(17),
        ParentId = row.IsDBNull(18) ? null : row.GetGuid(18),
        RunCondition = row.IsDBNull(19) ? null : (RunCondition)row.GetInt16(19),
        AwaitingParent = row.GetBoolean(20),
        TraceParent = NullableString(row, 21),
        CronTickerId = row.IsDBNull(22) ? null : row.GetGuid(22),
        CronTime = NullableTime(row, 23),
        CronOverlap = (CronOverlapPolicy)row.GetInt16(24),
    };

    /// <summary>Runs <paramref name="command"/> and reads every row it returns.</summary>
    public static async Task<List<TickerRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken token)
    {
        var rows = new List<TickerRecord>();
        var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                rows.Add(Read(reader));
            }
        }

        return rows;
    }

    private static string? NullableString(NpgsqlDataReader row, int column) =>
        row.IsDBNull(column) ? null : row.GetString(column);

    private static DateTime? NullableTime(NpgsqlDataReader row, int column) =>
        row.IsDBNull(column) ? null : row.GetFieldValue<DateTime>(column);
}
