namespace Ticker;

/// <summary>Maps crons and occurrences between the types users see and the records stores keep.</summary>
internal static class CronTickerMapper
{
    public static CronTickerRecord ToRecord(CronTickerEntity entity, DateTime now) => new()
    {
        Id = entity.Id,
        Function = entity.Function,
        Expression = entity.Expression.Trim(),
        Request = entity.Request,
        RetryIntervals = entity.RetryIntervals,
        Retries = entity.Retries,
        IsEnabled = entity.IsEnabled,
        TimeZone = string.IsNullOrWhiteSpace(entity.TimeZone) ? null : entity.TimeZone,
        Description = entity.Description,
        Misfire = entity.Misfire,
        Overlap = entity.Overlap,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static T ToEntity<T>(CronTickerRecord record)
        where T : CronTickerEntity, new() => new()
    {
        Id = record.Id,
        Function = record.Function,
        Expression = record.Expression,
        Request = record.Request,
        RetryIntervals = record.RetryIntervals,
        Retries = record.Retries,
        IsEnabled = record.IsEnabled,
        TimeZone = record.TimeZone,
        Description = record.Description,
        Misfire = record.Misfire,
        Overlap = record.Overlap,
        IsSeeded = record.SeedKey is not null,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
    };

    public static CronTickerOccurrence ToOccurrence(TickerRecord record) => new()
    {
        Id = record.Id,
        CronTickerId = record.CronTickerId ?? Guid.Empty,
        Function = record.Function,
        ExecutionTime = record.ExecutionTime,
        ScheduledTime = record.CronTime,
        Status = record.Status,
        RetryCount = record.RetryCount,
        LockHolder = record.LockHolder,
        LockedAt = record.LockedAt,
        ExecutedAt = record.ExecutedAt,
        ElapsedTime = record.ElapsedMilliseconds,
        ExceptionMessage = record.ExceptionMessage,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
    };

    /// <summary>An idle occurrence of <paramref name="cron"/> due at <paramref name="time"/>;
    /// <paramref name="scheduled"/> is its key on the schedule, or <see langword="null"/> for a run started by hand.
    /// </summary>
    public static TickerRecord NewOccurrence(CronTickerRecord cron, DateTime time, DateTime? scheduled, DateTime now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Function = cron.Function,
            Description = cron.Description,
            ExecutionTime = time,
            Request = cron.Request,
            Retries = cron.Retries,
            RetryIntervals = cron.RetryIntervals,
            Status = TickerStatus.Idle,
            CreatedAt = now,
            UpdatedAt = now,
            CronTickerId = cron.Id,
            CronTime = scheduled,
            CronOverlap = cron.Overlap,
        };
}
