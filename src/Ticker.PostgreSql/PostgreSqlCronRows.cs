using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>Reads and binds rows of <c>cron_tickers</c>.</summary>
internal static class PostgreSqlCronRows
{
    /// <summary>The current row of a reader that selected <see cref="PostgreSqlCronStatements.Columns"/>.</summary>
    public static CronTickerRecord Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetGuid(0),
        Function = row.GetString(1),
        Expression = row.GetString(2),
        Request = row.IsDBNull(3) ? null : row.GetFieldValue<byte[]>(3),
        Retries = row.GetInt32(4),
        RetryIntervals = row.IsDBNull(5) ? null : row.GetFieldValue<int[]>(5),
        IsEnabled = row.GetBoolean(6),
        TimeZone = row.IsDBNull(7) ? null : row.GetString(7),
        Description = row.IsDBNull(8) ? null : row.GetString(8),
        Misfire = (CronMisfirePolicy)row.GetInt16(9),
        Overlap = (CronOverlapPolicy)row.GetInt16(10),
        SeedKey = row.IsDBNull(11) ? null : row.GetString(11),
        CreatedAt = row.GetFieldValue<DateTime>(12),
        UpdatedAt = row.GetFieldValue<DateTime>(13),
    };

    /// <summary>Runs <paramref name="command"/> and reads every cron it returns.</summary>
    public static async Task<List<CronTickerRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken token)
    {
        var rows = new List<CronTickerRecord>();
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

    /// <summary>Binds every column of every cron as one array each.</summary>
    public static void Bind(NpgsqlCommand command, IReadOnlyList<CronTickerRecord> crons)
    {
        command.AddArray("ids", NpgsqlDbType.Uuid, [.. crons.Select(c => c.Id)]);
        command.AddArray("functions", NpgsqlDbType.Text, [.. crons.Select(c => c.Function)]);
        command.AddArray("expressions", NpgsqlDbType.Text, [.. crons.Select(c => c.Expression)]);
        command.AddArray("requests", NpgsqlDbType.Bytea, [.. crons.Select(c => c.Request)]);
        command.AddArray("retries", NpgsqlDbType.Integer, [.. crons.Select(c => c.Retries)]);
        command.AddArray(
            "retry_intervals", NpgsqlDbType.Text, [.. crons.Select(c => PostgreSqlValues.IntervalsLiteral(c.RetryIntervals))]);
        command.AddArray("is_enabled", NpgsqlDbType.Boolean, [.. crons.Select(c => c.IsEnabled)]);
        command.AddArray("time_zones", NpgsqlDbType.Text, [.. crons.Select(c => c.TimeZone)]);
        command.AddArray("descriptions", NpgsqlDbType.Text, [.. crons.Select(c => c.Description)]);
        command.AddArray("misfires", NpgsqlDbType.Smallint, [.. crons.Select(c => (short)c.Misfire)]);
        command.AddArray("overlaps", NpgsqlDbType.Smallint, [.. crons.Select(c => (short)c.Overlap)]);
        command.AddArray("seed_keys", NpgsqlDbType.Text, [.. crons.Select(c => c.SeedKey)]);
        command.AddArray("created_ats", NpgsqlDbType.TimestampTz, [.. crons.Select(c => PostgreSqlValues.Utc(c.CreatedAt))]);
        command.AddArray("updated_ats", NpgsqlDbType.TimestampTz, [.. crons.Select(c => PostgreSqlValues.Utc(c.UpdatedAt))]);
    }
}
