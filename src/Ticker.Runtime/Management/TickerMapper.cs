namespace Ticker;

/// <summary>Maps between the entity users see and the record stores keep.</summary>
internal static class TickerMapper
{
    /// <summary>UTC for any kind: Local is converted, Unspecified is taken as UTC already.</summary>
    public static DateTime ToUtc(DateTime? value, DateTime now) => value switch
    {
        null => now,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };

    public static TickerRecord ToRecord(TimeTickerEntity entity, DateTime now, string? traceParent) => new()
    {
        Id = entity.Id,
        Function = entity.Function,
        Description = entity.Description,
        ExecutionTime = ToUtc(entity.ExecutionTime, now),
        Request = entity.Request,
        Retries = entity.Retries,
        RetryIntervals = entity.RetryIntervals,
        Status = TickerStatus.Idle,
        CreatedAt = now,
        UpdatedAt = now,
        ParentId = entity.ParentId,
        RunCondition = entity.RunCondition,
        TraceParent = traceParent,
    };

    public static T ToEntity<T>(TickerRecord record)
        where T : TimeTickerEntity, new() => new()
    {
        Id = record.Id,
        Function = record.Function,
        Description = record.Description,
        ExecutionTime = record.ExecutionTime,
        Request = record.Request,
        Retries = record.Retries,
        RetryIntervals = record.RetryIntervals,
        Status = record.Status,
        RetryCount = record.RetryCount,
        LockHolder = record.LockHolder,
        LockedAt = record.LockedAt,
        ExecutedAt = record.ExecutedAt,
        ElapsedTime = record.ElapsedMilliseconds,
        ExceptionMessage = record.ExceptionMessage,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
        ParentId = record.ParentId,
        RunCondition = record.RunCondition,
    };

    /// <summary>Writes back what the store decided (id, UTC time, timestamps, status) into the caller's entity.</summary>
    public static void CopyBack(TickerRecord record, TimeTickerEntity entity)
    {
        entity.Id = record.Id;
        entity.ExecutionTime = record.ExecutionTime;
        entity.Status = record.Status;
        entity.CreatedAt = record.CreatedAt;
        entity.UpdatedAt = record.UpdatedAt;
        entity.ParentId = record.ParentId;
    }
}
