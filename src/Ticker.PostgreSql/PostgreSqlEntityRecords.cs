namespace Ticker;

/// <summary>Turns the tickers an application enqueues in its own transaction into store records, as the managers do:
/// children follow their parent and wait for it, a missing id is a new time-ordered one, a missing time is now.
/// </summary>
internal static class PostgreSqlEntityRecords
{
    /// <summary>The first rule a ticker or one of its children breaks, or <see langword="null"/>.</summary>
    public static TickerValidatorException? Validate(TimeTickerEntity? entity, int index)
    {
        if (entity is null)
        {
            return new TickerValidatorException("Entity", "the ticker is null.", index);
        }

        if (string.IsNullOrWhiteSpace(entity.Function))
        {
            return new TickerValidatorException(nameof(TimeTickerEntity.Function), "a function name is required.", index);
        }

        if (entity.Retries < 0 || entity.RetryIntervals?.Any(interval => interval <= 0) == true)
        {
            return new TickerValidatorException(
                nameof(TimeTickerEntity.Retries), "retries and retry intervals must not be negative or zero.", index);
        }

        return entity.Children?.Select(child => Validate(child, index)).FirstOrDefault(error => error is not null);
    }

    /// <summary>Every ticker and its children, depth first; <paramref name="owners"/> maps each record to the index
    /// of the top-level ticker it came from.</summary>
    public static List<TickerRecord> Flatten<TTimeTicker>(
        IReadOnlyList<TTimeTicker> entities,
        DateTime now,
        string? traceParent,
        out List<int> owners)
        where TTimeTicker : TimeTickerEntity
    {
        var records = new List<TickerRecord>(entities.Count);
        owners = new List<int>(entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            Add(entities[i], null, i, now, traceParent, records, owners);
        }

        return records;
    }

    /// <summary>Writes what the store assigned back to the entities.</summary>
    public static void CopyBack(IEnumerable<TimeTickerEntity> entities, Dictionary<Guid, TickerRecord> byId)
    {
        foreach (var entity in entities)
        {
            var record = byId[entity.Id];
            entity.ExecutionTime = record.ExecutionTime;
            entity.Status = TickerStatus.Idle;
            entity.CreatedAt = record.CreatedAt;
            entity.UpdatedAt = record.UpdatedAt;
            entity.ParentId = record.ParentId;
            CopyBack(entity.Children ?? [], byId);
        }
    }

    private static void Add(
        TimeTickerEntity entity,
        TickerRecord? parent,
        int owner,
        DateTime now,
        string? traceParent,
        List<TickerRecord> records,
        List<int> owners)
    {
        var record = ToRecord(entity, parent, now, traceParent);
        records.Add(record);
        owners.Add(owner);
        foreach (var child in entity.Children ?? [])
        {
            Add(child, record, owner, now, traceParent, records, owners);
        }
    }

    private static TickerRecord ToRecord(TimeTickerEntity entity, TickerRecord? parent, DateTime now, string? trace)
    {
        if (entity.Id == Guid.Empty)
        {
            entity.Id = Guid.CreateVersion7();
        }

        return new TickerRecord
        {
            Id = entity.Id,
            Function = entity.Function,
            Description = entity.Description,
            ExecutionTime = entity.ExecutionTime is { } time ? PostgreSqlValues.Utc(time) : now,
            Request = entity.Request,
            Retries = entity.Retries,
            RetryIntervals = entity.RetryIntervals,
            Status = TickerStatus.Idle,
            CreatedAt = now,
            UpdatedAt = now,
            ParentId = parent?.Id ?? entity.ParentId,
            RunCondition = entity.RunCondition,
            AwaitingParent = parent is not null,
            TraceParent = trace,
        };
    }
}
