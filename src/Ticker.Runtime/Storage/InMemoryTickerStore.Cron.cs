namespace Ticker;

/// <summary>The cron part of the in-memory store: definitions, occurrence keys and the overlap rules of the claim.
/// </summary>
public sealed partial class InMemoryTickerStore : ICronTickerStore
{
    private readonly Dictionary<Guid, CronTickerRecord> _crons = [];
    private readonly Dictionary<string, Guid> _cronsBySeed = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<Guid>> _occurrencesByCron = [];
    private readonly HashSet<(Guid CronId, long Ticks)> _occurrenceKeys = [];

    /// <inheritdoc />
    public Task<StoreWriteResult> InsertCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crons);

        lock (_gate)
        {
            if (FindDuplicateCron(crons) is { } duplicate)
            {
                return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, duplicate));
            }

            foreach (var cron in crons)
            {
                AddCron(cron.Clone());
            }

            return Task.FromResult(StoreWriteResult.Applied(crons.Count));
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteResult> UpdateCronsAsync(
        IReadOnlyList<CronTickerRecord> crons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crons);

        lock (_gate)
        {
            var missing = FindMissingCron(crons.Select(cron => cron.Id).ToList());
            if (missing >= 0)
            {
                return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.NotFound, missing));
            }

            foreach (var cron in crons)
            {
                var stored = _crons[cron.Id];
                var updated = cron.Clone();
                updated.CreatedAt = stored.CreatedAt;
                updated.SeedKey = stored.SeedKey;
                _crons[cron.Id] = updated;
                RemoveOccurrences(cron.Id, pendingOnly: true);
            }

            return Task.FromResult(StoreWriteResult.Applied(crons.Count));
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteResult> DeleteCronsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        lock (_gate)
        {
            var missing = FindMissingCron(ids);
            if (missing >= 0)
            {
                return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.NotFound, missing));
            }

            foreach (var id in ids.Distinct())
            {
                _crons.Remove(id, out var cron);
                _cronsBySeed.Remove(cron!.SeedKey ?? string.Empty);
                RemoveOccurrences(id, pendingOnly: false);
            }

            return Task.FromResult(StoreWriteResult.Applied(ids.Distinct().Count()));
        }
    }

    /// <inheritdoc />
    public Task<CronTickerRecord?> GetCronAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_crons.TryGetValue(id, out var cron) ? cron.Clone() : null);
        }
    }

    /// <inheritdoc />
    public Task<TickerPage<CronTickerRecord>> QueryCronsAsync(int skip, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var page = _crons.Values
                .OrderBy(cron => cron.CreatedAt)
                .ThenBy(cron => cron.Id)
                .Skip(skip)
                .Take(take)
                .Select(cron => cron.Clone())
                .ToList();

            return Task.FromResult(new TickerPage<CronTickerRecord>(page, _crons.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CronTickerRecord>> GetEnabledCronsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CronTickerRecord> enabled =
                _crons.Values.Where(cron => cron.IsEnabled).Select(cron => cron.Clone()).ToList();

            return Task.FromResult(enabled);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<Guid, DateTime>> GetLastCronTimesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var last = new Dictionary<Guid, DateTime>();
            foreach (var (cronId, ticks) in _occurrenceKeys)
            {
                if (!last.TryGetValue(cronId, out var known) || known.Ticks < ticks)
                {
                    last[cronId] = new DateTime(ticks, DateTimeKind.Utc);
                }
            }

            return Task.FromResult<IReadOnlyDictionary<Guid, DateTime>>(last);
        }
    }

    /// <inheritdoc />
    public Task<int> InsertOccurrencesAsync(
        IReadOnlyList<TickerRecord> occurrences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);

        lock (_gate)
        {
            var inserted = 0;
            foreach (var occurrence in occurrences)
            {
                if (!_rows.ContainsKey(occurrence.Id) && !_occurrenceKeys.Contains(KeyOf(occurrence)))
                {
                    Add(occurrence.Clone());
                    inserted++;
                }
            }

            return Task.FromResult(inserted);
        }
    }

    /// <inheritdoc />
    public Task<TickerPage<TickerRecord>> QueryOccurrencesAsync(
        Guid cronTickerId,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ids = _occurrencesByCron.TryGetValue(cronTickerId, out var known) ? known : [];
            var page = ids.Select(id => _rows[id])
                .OrderBy(row => row.ExecutionTime)
                .ThenBy(row => row.Id)
                .Skip(skip)
                .Take(take)
                .Select(row => row.Clone())
                .ToList();

            return Task.FromResult(new TickerPage<TickerRecord>(page, ids.Count));
        }
    }

    /// <inheritdoc />
    public Task<bool> SeedCronAsync(CronTickerRecord cron, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(cron.SeedKey);

        lock (_gate)
        {
            if (!_cronsBySeed.TryGetValue(cron.SeedKey, out var id))
            {
                AddCron(cron.Clone());

                return Task.FromResult(true);
            }

            return Task.FromResult(ReseedExpression(_crons[id], cron));
        }
    }

    private bool ReseedExpression(CronTickerRecord stored, CronTickerRecord declared)
    {
        if (stored.Expression == declared.Expression)
        {
            return false;
        }

        stored.Expression = declared.Expression;
        stored.UpdatedAt = declared.UpdatedAt;
        RemoveOccurrences(stored.Id, pendingOnly: true);

        return true;
    }

    private void AddCron(CronTickerRecord cron)
    {
        _crons.Add(cron.Id, cron);
        if (cron.SeedKey is { } seedKey)
        {
            _cronsBySeed.Add(seedKey, cron.Id);
        }
    }

    private int? FindDuplicateCron(IReadOnlyList<CronTickerRecord> crons)
    {
        var ids = new HashSet<Guid>();
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < crons.Count; i++)
        {
            var seed = crons[i].SeedKey;
            if (_crons.ContainsKey(crons[i].Id) || !ids.Add(crons[i].Id)
                || (seed is not null && (_cronsBySeed.ContainsKey(seed) || !seeds.Add(seed))))
            {
                return i;
            }
        }

        return null;
    }

    private int FindMissingCron(IReadOnlyList<Guid> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!_crons.ContainsKey(ids[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes a cron's idle occurrences: with <paramref name="pendingOnly"/>, only scheduled ones never
    /// attempted (those a re-plan replaces); otherwise every idle one, retries and runs started by hand too.</summary>
    private void RemoveOccurrences(Guid cronId, bool pendingOnly)
    {
        if (!_occurrencesByCron.TryGetValue(cronId, out var ids))
        {
            return;
        }

        foreach (var id in ids.ToList())
        {
            var row = _rows[id];
            if (row.Status == TickerStatus.Idle && (!pendingOnly || (row.RetryCount == 0 && row.CronTime is not null)))
            {
                RemoveWithDescendants(id);
            }
        }
    }

    private void TrackOccurrence(TickerRecord row)
    {
        if (row.CronTickerId is not { } cronId)
        {
            return;
        }

        if (!_occurrencesByCron.TryGetValue(cronId, out var ids))
        {
            ids = [];
            _occurrencesByCron.Add(cronId, ids);
        }

        ids.Add(row.Id);
        if (row.CronTime is not null)
        {
            _occurrenceKeys.Add(KeyOf(row));
        }
    }

    private void ForgetOccurrence(TickerRecord row)
    {
        if (row.CronTickerId is not { } cronId)
        {
            return;
        }

        if (_occurrencesByCron.TryGetValue(cronId, out var ids) && ids.Remove(row.Id) && ids.Count == 0)
        {
            _occurrencesByCron.Remove(cronId);
        }

        _occurrenceKeys.Remove(KeyOf(row));
    }

    private static (Guid, long) KeyOf(TickerRecord row) =>
        (row.CronTickerId ?? Guid.Empty, row.CronTime?.Ticks ?? long.MinValue);

    /// <summary>The crons with an occurrence in progress on any node.</summary>
    private HashSet<Guid> RunningCrons()
    {
        var running = new HashSet<Guid>();
        foreach (var (_, id) in _leaseIndex)
        {
            if (_rows[id].CronTickerId is { } cronId)
            {
                running.Add(cronId);
            }
        }

        return running;
    }

    /// <summary>Applies the overlap policy (Skip or Wait) to a due row taken off the due index: <see langword="true"/>
    /// when it may be claimed; otherwise it was skipped, or added to <paramref name="waiting"/> to go back on the index.
    /// <paramref name="running"/> is computed on first need, so a claim of time tickers never builds it.</summary>
    private static bool TryClaimOverlap(
        TickerRecord row,
        HashSet<Guid> running,
        DateTime now,
        List<TickerRecord> waiting)
    {
        if (row.CronTickerId is not { } cronId)
        {
            return true;
        }

        if (row.CronOverlap == CronOverlapPolicy.Allow || running.Add(cronId))
        {
            return true;
        }

        if (row.CronOverlap == CronOverlapPolicy.Wait)
        {
            waiting.Add(row);

            return false;
        }

        row.Status = TickerStatus.Skipped;
        row.ExceptionMessage = CronTickerOccurrence.OverlapSkippedReason;
        row.UpdatedAt = now;

        return false;
    }

    /// <summary>The earliest due time of an idle row that a claim would take or skip now: a row waiting for a running
    /// occurrence of its cron is not one.</summary>
    private long? NextClaimableDue()
    {
        if (_dueIndex.Count == 0)
        {
            return null;
        }

        if (_rows[_dueIndex.Min.Id].CronOverlap != CronOverlapPolicy.Wait)
        {
            return _dueIndex.Min.Ticks;
        }

        HashSet<Guid>? running = null;
        foreach (var (ticks, id) in _dueIndex)
        {
            var row = _rows[id];
            if (row.CronOverlap != CronOverlapPolicy.Wait || row.CronTickerId is not { } cronId)
            {
                return ticks;
            }

            running ??= RunningCrons();
            if (!running.Contains(cronId))
            {
                return ticks;
            }
        }

        return null;
    }
}
