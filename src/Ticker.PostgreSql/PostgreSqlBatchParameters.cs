using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>Binds a batch as one array per column, which the statements turn back into rows with <c>unnest</c>: the
/// whole batch travels in one round trip with a fixed statement text, whatever its size.</summary>
internal static class PostgreSqlBatchParameters
{
    /// <summary>Every column of every record, for the insert.</summary>
    public static void BindInsert(NpgsqlCommand command, IReadOnlyList<TickerRecord> records)
    {
        BindSchedule(command, records);
        command.AddArray("statuses", NpgsqlDbType.Smallint, Column(records, r => (short)r.Status));
        command.AddArray("retry_counts", NpgsqlDbType.Integer, Column(records, r => r.RetryCount));
        command.AddArray("lock_holders", NpgsqlDbType.Text, Column(records, r => r.LockHolder));
        command.AddArray("locked_ats", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.LockedAt)));
        command.AddArray(
            "lease_expiries", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.LeaseExpiry)));
        command.AddArray("fences", NpgsqlDbType.Bigint, Column(records, r => r.Fence));
        BindHistory(command, records);
        BindChain(command, records);
    }

    /// <summary>What an update of an idle ticker may change.</summary>
    public static void BindUpdate(NpgsqlCommand command, IReadOnlyList<TickerRecord> records)
    {
        BindSchedule(command, records);
        command.AddArray("updated_ats", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.UpdatedAt)));
    }

    /// <summary>Every field of every outcome.</summary>
    public static void BindCompletions(NpgsqlCommand command, IReadOnlyList<TickerCompletion> completions)
    {
        command.AddArray("ids", NpgsqlDbType.Uuid, Column(completions, c => c.Id));
        command.AddArray("fences", NpgsqlDbType.Bigint, Column(completions, c => c.Fence));
        command.AddArray("statuses", NpgsqlDbType.Smallint, Column(completions, c => (short)c.Status));
        command.AddArray("retry_counts", NpgsqlDbType.Integer, Column(completions, c => c.RetryCount));
        command.AddArray(
            "execution_times",
            NpgsqlDbType.TimestampTz,
            Column(completions, c => PostgreSqlValues.Utc(c.ExecutionTime)));
        command.AddArray(
            "executed_ats", NpgsqlDbType.TimestampTz, Column(completions, c => PostgreSqlValues.Utc(c.ExecutedAt)));
        command.AddArray("elapsed_ms", NpgsqlDbType.Bigint, Column(completions, c => c.ElapsedMilliseconds));
        command.AddArray("exception_messages", NpgsqlDbType.Text, Column(completions, c => c.ExceptionMessage));
    }

    /// <summary>The id and fence of every lease.</summary>
    public static void BindLeases(NpgsqlCommand command, IReadOnlyList<TickerLease> leases)
    {
        command.AddArray("ids", NpgsqlDbType.Uuid, Column(leases, l => l.Id));
        command.AddArray("fences", NpgsqlDbType.Bigint, Column(leases, l => l.Fence));
    }

    private static void BindSchedule(NpgsqlCommand command, IReadOnlyList<TickerRecord> records)
    {
        command.AddArray("ids", NpgsqlDbType.Uuid, Column(records, r => r.Id));
        command.AddArray("functions", NpgsqlDbType.Text, Column(records, r => r.Function));
        command.AddArray("descriptions", NpgsqlDbType.Text, Column(records, r => r.Description));
        command.AddArray(
            "execution_times", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.ExecutionTime)));
        command.AddArray("requests", NpgsqlDbType.Bytea, Column(records, r => r.Request));
        command.AddArray("retries", NpgsqlDbType.Integer, Column(records, r => r.Retries));
        command.AddArray(
            "retry_intervals", NpgsqlDbType.Text, Column(records, r => PostgreSqlValues.IntervalsLiteral(r.RetryIntervals)));
    }

    private static void BindHistory(NpgsqlCommand command, IReadOnlyList<TickerRecord> records)
    {
        command.AddArray(
            "executed_ats", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.ExecutedAt)));
        command.AddArray("elapsed_ms", NpgsqlDbType.Bigint, Column(records, r => r.ElapsedMilliseconds));
        command.AddArray("exception_messages", NpgsqlDbType.Text, Column(records, r => r.ExceptionMessage));
        command.AddArray("created_ats", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.CreatedAt)));
        command.AddArray("updated_ats", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.UpdatedAt)));
    }

    private static void BindChain(NpgsqlCommand command, IReadOnlyList<TickerRecord> records)
    {
        command.AddArray("parent_ids", NpgsqlDbType.Uuid, Column(records, r => r.ParentId));
        command.AddArray("run_conditions", NpgsqlDbType.Smallint, Column(records, r => (short?)r.RunCondition));
        command.AddArray("awaiting_parents", NpgsqlDbType.Boolean, Column(records, r => r.AwaitingParent));
        command.AddArray("trace_parents", NpgsqlDbType.Text, Column(records, r => r.TraceParent));
        command.AddArray("cron_ticker_ids", NpgsqlDbType.Uuid, Column(records, r => r.CronTickerId));
        command.AddArray("cron_times", NpgsqlDbType.TimestampTz, Column(records, r => PostgreSqlValues.Utc(r.CronTime)));
        command.AddArray("cron_overlaps", NpgsqlDbType.Smallint, Column(records, r => (short)r.CronOverlap));
    }

    private static TValue[] Column<TItem, TValue>(IReadOnlyList<TItem> items, Func<TItem, TValue> select)
    {
        var values = new TValue[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(items[i]);
        }

        return values;
    }
}
