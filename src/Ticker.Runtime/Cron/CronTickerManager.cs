namespace Ticker;

/// <summary>Validates crons, writes them to the store and tells the planner to plan them.</summary>
internal sealed class CronTickerManager<TCronTicker>(
    ITickerStore store,
    CronTickerValidator validator,
    CronPlannerSignal plannerSignal,
    SchedulerWakeSignal wakeSignal,
    TimeProvider time) : ICronTickerManager<TCronTicker>
    where TCronTicker : CronTickerEntity, new()
{
    public async Task<TickerResult<TCronTicker>> AddAsync(
        TCronTicker entity,
        CancellationToken cancellationToken = default) =>
        Single(await AddBatchAsync([entity], cancellationToken).ConfigureAwait(false), entity);

    public async Task<TickerResult<TCronTicker>> UpdateAsync(
        TCronTicker cronTicker,
        CancellationToken cancellationToken = default) =>
        Single(await UpdateBatchAsync([cronTicker], cancellationToken).ConfigureAwait(false), cronTicker);

    public async Task<TickerResult<TCronTicker>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (CronStore() is not { } crons)
        {
            return TickerResult.Failed<TCronTicker>(Unsupported());
        }

        try
        {
            var existing = await crons.GetCronAsync(id, cancellationToken).ConfigureAwait(false);
            var result = await crons.DeleteCronsAsync([id], cancellationToken).ConfigureAwait(false);
            if (result.IsApplied)
            {
                plannerSignal.NotifyDeleted([id]);
            }

            return result.IsApplied && existing is not null
                ? TickerResult.Succeeded(CronTickerMapper.ToEntity<TCronTicker>(existing), result.Affected)
                : TickerResult.Failed<TCronTicker>(NotFound(id, null));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<TCronTicker>(exception);
        }
    }

    public Task<TickerResult<List<TCronTicker>>> AddBatchAsync(
        List<TCronTicker> entities,
        CancellationToken cancellationToken = default) =>
        WriteAsync(entities, insert: true, cancellationToken);

    public Task<TickerResult<List<TCronTicker>>> UpdateBatchAsync(
        List<TCronTicker> cronTickers,
        CancellationToken cancellationToken = default) =>
        WriteAsync(cronTickers, insert: false, cancellationToken);

    public async Task<TickerResult<TCronTicker>> DeleteBatchAsync(
        List<Guid> ids,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);

        if (CronStore() is not { } crons)
        {
            return TickerResult.Failed<TCronTicker>(Unsupported());
        }

        try
        {
            var result = await crons.DeleteCronsAsync(ids, cancellationToken).ConfigureAwait(false);
            if (result.IsApplied)
            {
                plannerSignal.NotifyDeleted(ids);
            }

            return result.IsApplied
                ? TickerResult.Succeeded<TCronTicker>(null, result.Affected)
                : TickerResult.Failed<TCronTicker>(NotFound(ids[result.FailedIndex], result.FailedIndex));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<TCronTicker>(exception);
        }
    }

    public async Task<TickerResult<CronTickerOccurrence>> RunNowAsync(
        Guid id,
        CancellationToken cancellationToken = default)
    {
        if (CronStore() is not { } crons)
        {
            return TickerResult.Failed<CronTickerOccurrence>(Unsupported());
        }

        try
        {
            return await RunNowCoreAsync(crons, id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<CronTickerOccurrence>(exception);
        }
    }

    private async Task<TickerResult<CronTickerOccurrence>> RunNowCoreAsync(
        ICronTickerStore crons,
        Guid id,
        CancellationToken cancellationToken)
    {
        var cron = await crons.GetCronAsync(id, cancellationToken).ConfigureAwait(false);
        if (cron is null)
        {
            return TickerResult.Failed<CronTickerOccurrence>(NotFound(id, null));
        }

        var now = Now();
        var occurrence = CronTickerMapper.NewOccurrence(cron, now, scheduled: null, now);
        var inserted = await crons.InsertOccurrencesAsync([occurrence], cancellationToken).ConfigureAwait(false);
        wakeSignal.Notify(now);

        return TickerResult.Succeeded(CronTickerMapper.ToOccurrence(occurrence), inserted);
    }

    private async Task<TickerResult<List<TCronTicker>>> WriteAsync(
        List<TCronTicker> entities,
        bool insert,
        CancellationToken cancellationToken)
    {
        if (ValidateAll(entities) is { } invalid)
        {
            return TickerResult.Failed<List<TCronTicker>>(invalid);
        }

        if (CronStore() is not { } crons)
        {
            return TickerResult.Failed<List<TCronTicker>>(Unsupported());
        }

        try
        {
            return await WriteCoreAsync(crons, entities, insert, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TickerResult.Failed<List<TCronTicker>>(exception);
        }
    }

    private async Task<TickerResult<List<TCronTicker>>> WriteCoreAsync(
        ICronTickerStore crons,
        List<TCronTicker> entities,
        bool insert,
        CancellationToken cancellationToken)
    {
        var now = Now();
        var records = entities.Select(entity => ToRecord(entity, insert, now)).ToList();
        var written = insert
            ? await crons.InsertCronsAsync(records, cancellationToken).ConfigureAwait(false)
            : await crons.UpdateCronsAsync(records, cancellationToken).ConfigureAwait(false);
        if (!written.IsApplied)
        {
            return TickerResult.Failed<List<TCronTicker>>(Refusal(written, records));
        }

        CopyBack(records, entities, insert);
        if (insert)
        {
            plannerSignal.NotifyAdded(records);
        }
        else
        {
            plannerSignal.Notify();
        }

        return TickerResult.Succeeded(entities, written.Affected);
    }

    private static CronTickerRecord ToRecord(TCronTicker entity, bool insert, DateTime now)
    {
        if (insert && entity.Id == Guid.Empty)
        {
            entity.Id = Guid.CreateVersion7();
        }

        return CronTickerMapper.ToRecord(entity, now);
    }

    private static void CopyBack(List<CronTickerRecord> records, List<TCronTicker> entities, bool insert)
    {
        for (var i = 0; i < records.Count; i++)
        {
            entities[i].UpdatedAt = records[i].UpdatedAt;
            if (insert)
            {
                entities[i].CreatedAt = records[i].CreatedAt;
                entities[i].IsSeeded = false;
            }
        }
    }

    private TickerValidatorException? ValidateAll(List<TCronTicker>? entities)
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

    private ICronTickerStore? CronStore() => store as ICronTickerStore;

    private NotSupportedException Unsupported() => new(CronTickerValidator.UnsupportedStore(store));

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static TickerValidatorException Refusal(StoreWriteResult result, List<CronTickerRecord> records) =>
        result.Failure == StoreWriteFailure.NotFound
            ? NotFound(records[result.FailedIndex].Id, result.FailedIndex)
            : new TickerValidatorException(
                nameof(CronTickerEntity.Id),
                $"a cron ticker with id {records[result.FailedIndex].Id} already exists.",
                result.FailedIndex);

    private static TickerValidatorException NotFound(Guid id, int? index) =>
        new(nameof(CronTickerEntity.Id), $"no cron ticker with id {id} exists.", index);

    private static TickerResult<TCronTicker> Single(TickerResult<List<TCronTicker>> result, TCronTicker entity) =>
        result.IsSucceeded
            ? TickerResult.Succeeded(entity, result.AffectedRows)
            : TickerResult.Failed<TCronTicker>(Unbatch(result.Exception!));

    /// <summary>A single-item call reports its error without the batch index.</summary>
    private static Exception Unbatch(Exception exception) =>
        exception is TickerValidatorException { Field: { } field, Reason: { } reason, Index: 0 }
            ? new TickerValidatorException(field, reason, null)
            : exception;
}
