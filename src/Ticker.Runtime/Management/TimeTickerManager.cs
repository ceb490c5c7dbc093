using System.Diagnostics;

namespace Ticker;

/// <summary>Validates tickers, writes them to the store and wakes the scheduler when they are due sooner.</summary>
internal sealed class TimeTickerManager<TTimeTicker>(
    ITickerStore store,
    TickerValidator validator,
    SchedulerWakeSignal wakeSignal,
    TimeProvider time) : ITimeTickerManager<TTimeTicker>
    where TTimeTicker : TimeTickerEntity, new()
{
    public async Task<TickerResult<TTimeTicker>> AddAsync(
        TTimeTicker entity,
        CancellationToken cancellationToken = default)
    {
        var result = await AddBatchAsync([entity], cancellationToken).ConfigureAwait(false);

        return result.IsSucceeded
            ? TickerResult.Succeeded<TTimeTicker>(entity, result.AffectedRows)
            : TickerResult.Failed<TTimeTicker>(Unbatch(result.Exception!));
    }

    public async Task<TickerResult<TTimeTicker>> UpdateAsync(
        TTimeTicker timeTicker,
        CancellationToken cancellationToken = default)
    {
        var result = await UpdateBatchAsync([timeTicker], cancellationToken).ConfigureAwait(false);

        return result.IsSucceeded
            ? TickerResult.Succeeded<TTimeTicker>(timeTicker, result.AffectedRows)
            : TickerResult.Failed<TTimeTicker>(Unbatch(result.Exception!));
    }

    public async Task<TickerResult<TTimeTicker>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            var existing = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return TickerResult.Failed<TTimeTicker>(NotFound(id, null));
            }

            var result = await store.DeleteAsync([id], cancellationToken).ConfigureAwait(false);

            return result.IsApplied
                ? TickerResult.Succeeded<TTimeTicker>(TickerMapper.ToEntity<TTimeTicker>(existing), result.Affected)
                : TickerResult.Failed<TTimeTicker>(NotFound(id, null));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<TTimeTicker>(exception);
        }
    }

    public async Task<TickerResult<List<TTimeTicker>>> AddBatchAsync(
        List<TTimeTicker> entities,
        CancellationToken cancellationToken = default)
    {
        if (ValidateAll(entities) is { } invalid)
        {
            return TickerResult.Failed<List<TTimeTicker>>(invalid);
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var records = Flatten(entities, now, out var owners);
            var written = await store.InsertAsync(records, cancellationToken).ConfigureAwait(false);
            if (!written.IsApplied)
            {
                return TickerResult.Failed<List<TTimeTicker>>(Refusal(written, records, owners));
            }

            CopyBack(records, entities);
            WakeFor(records);

            return TickerResult.Succeeded<List<TTimeTicker>>(entities, written.Affected);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<List<TTimeTicker>>(exception);
        }
    }

    public async Task<TickerResult<List<TTimeTicker>>> UpdateBatchAsync(
        List<TTimeTicker> timeTickers,
        CancellationToken cancellationToken = default)
    {
        if (ValidateAll(timeTickers) is { } invalid)
        {
            return TickerResult.Failed<List<TTimeTicker>>(invalid);
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var records = timeTickers.Select(entity => TickerMapper.ToRecord(entity, now, null)).ToList();
            var written = await store.UpdateIdleAsync(records, cancellationToken).ConfigureAwait(false);
            if (!written.IsApplied)
            {
                return TickerResult.Failed<List<TTimeTicker>>(Refusal(written, records, null));
            }

            for (var i = 0; i < records.Count; i++)
            {
                timeTickers[i].ExecutionTime = records[i].ExecutionTime;
                timeTickers[i].UpdatedAt = now;
            }

            WakeFor(records);

            return TickerResult.Succeeded<List<TTimeTicker>>(timeTickers, written.Affected);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<List<TTimeTicker>>(exception);
        }
    }

    public async Task<TickerResult<TTimeTicker>> DeleteBatchAsync(
        List<Guid> ids,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);

        try
        {
            var result = await store.DeleteAsync(ids, cancellationToken).ConfigureAwait(false);

            return result.IsApplied
                ? TickerResult.Succeeded<TTimeTicker>(null, result.Affected)
                : TickerResult.Failed<TTimeTicker>(NotFound(ids[result.FailedIndex], result.FailedIndex));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<TTimeTicker>(exception);
        }
    }

    private TickerValidatorException? ValidateAll(List<TTimeTicker>? entities)
    {
        if (entities is null)
        {
            return new TickerValidatorException("Entities", "the list is null.", null);
        }

        for (var i = 0; i < entities.Count; i++)
        {
            if (validator.Validate(entities[i], i) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Turns entities and their children into records; <paramref name="owners"/> maps each record to the index of
    /// the top-level entity it came from.</summary>
    private static List<TickerRecord> Flatten(List<TTimeTicker> entities, DateTime now, out List<int> owners)
    {
        var traceParent = Activity.Current?.Id;
        var records = new List<TickerRecord>(entities.Count);
        owners = new List<int>(entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            AddWithChildren(entities[i], parent: null, i, now, traceParent, records, owners);
        }

        return records;
    }

    private static void AddWithChildren(
        TimeTickerEntity entity,
        TickerRecord? parent,
        int owner,
        DateTime now,
        string? traceParent,
        List<TickerRecord> records,
        List<int> owners)
    {
        if (entity.Id == Guid.Empty)
        {
            entity.Id = Guid.CreateVersion7();
        }

        var record = TickerMapper.ToRecord(entity, now, traceParent);
        if (parent is not null)
        {
            record.ParentId = parent.Id;
            record.AwaitingParent = true;
            record.ExecutionTime = entity.ExecutionTime is null ? now : record.ExecutionTime;
        }

        records.Add(record);
        owners.Add(owner);
        foreach (var child in entity.Children ?? [])
        {
            AddWithChildren(child, record, owner, now, traceParent, records, owners);
        }
    }

    private static void CopyBack(List<TickerRecord> records, List<TTimeTicker> entities)
    {
        var byId = records.ToDictionary(record => record.Id);
        foreach (var entity in entities)
        {
            CopyBackTree(entity, byId);
        }
    }

    private static void CopyBackTree(TimeTickerEntity entity, Dictionary<Guid, TickerRecord> byId)
    {
        TickerMapper.CopyBack(byId[entity.Id], entity);
        foreach (var child in entity.Children ?? [])
        {
            CopyBackTree(child, byId);
        }
    }

    private void WakeFor(List<TickerRecord> records)
    {
        var earliest = DateTime.MaxValue;
        foreach (var record in records)
        {
            if (!record.AwaitingParent && record.ExecutionTime < earliest)
            {
                earliest = record.ExecutionTime;
            }
        }

        if (earliest != DateTime.MaxValue)
        {
            wakeSignal.Notify(earliest);
        }
    }

    private static TickerValidatorException Refusal(
        StoreWriteResult result,
        List<TickerRecord> records,
        List<int>? owners)
    {
        var record = records[result.FailedIndex];
        var index = owners?[result.FailedIndex] ?? result.FailedIndex;

        return result.Failure switch
        {
            StoreWriteFailure.NotFound => NotFound(record.Id, index),
            StoreWriteFailure.NotIdle => new TickerValidatorException(
                nameof(TimeTickerEntity.Status),
                $"ticker {record.Id} is no longer Idle; only Idle tickers can be updated.",
                index),
            _ => new TickerValidatorException(
                nameof(TimeTickerEntity.Id), $"a ticker with id {record.Id} already exists.", index),
        };
    }

    private static TickerValidatorException NotFound(Guid id, int? index) =>
        new(nameof(TimeTickerEntity.Id), $"no ticker with id {id} exists.", index);

    /// <summary>A single-item call reports its error without the batch index.</summary>
    private static Exception Unbatch(Exception exception) =>
        exception is TickerValidatorException { Field: { } field, Reason: { } reason, Index: 0 }
            ? new TickerValidatorException(field, reason, null)
            : exception;
}
