namespace Ticker;

/// <summary>
/// A store that keeps tickers in this process's memory. Fast and exact, but everything is lost when the process
/// ends; use it for tests and for work that may be lost.
/// </summary>
public sealed partial class InMemoryTickerStore : ITickerStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<Guid, TickerRecord> _rows = [];
    private readonly Dictionary<Guid, List<Guid>> _childrenByParent = [];
    private readonly SortedSet<(long Ticks, Guid Id)> _dueIndex = [];
    private readonly SortedSet<(long Ticks, Guid Id)> _leaseIndex = [];

    /// <summary>Creates an empty store whose lease clock is <paramref name="clock"/>.</summary>
    public InMemoryTickerStore(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        _clock = clock;
    }

    /// <summary>How many tickers the store holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<StoreWriteResult> InsertAsync(IReadOnlyList<TickerRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        lock (_gate)
        {
            var seen = new HashSet<Guid>();
            for (var i = 0; i < records.Count; i++)
            {
                if (_rows.ContainsKey(records[i].Id) || !seen.Add(records[i].Id))
                {
                    return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, i));
                }
            }

            foreach (var record in records)
            {
                Add(record.Clone());
            }
        }

        return Task.FromResult(StoreWriteResult.Applied(records.Count));
    }

    /// <inheritdoc />
    public Task<StoreWriteResult> UpdateIdleAsync(
        IReadOnlyList<TickerRecord> records,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        lock (_gate)
        {
            for (var i = 0; i < records.Count; i++)
            {
                if (!_rows.TryGetValue(records[i].Id, out var row))
                {
                    return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.NotFound, i));
                }

                if (row.Status != TickerStatus.Idle)
                {
                    return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.NotIdle, i));
                }
            }

            foreach (var record in records)
            {
                var row = _rows[record.Id];
                Unindex(row);
                ApplyUpdate(row, record);
                IndexDue(row);
            }
        }

        return Task.FromResult(StoreWriteResult.Applied(records.Count));
    }

    /// <inheritdoc />
    public Task<StoreWriteResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);

        lock (_gate)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!_rows.ContainsKey(ids[i]))
                {
                    return Task.FromResult(StoreWriteResult.Refused(StoreWriteFailure.NotFound, i));
                }
            }

            var removed = 0;
            foreach (var id in ids)
            {
                removed += RemoveWithDescendants(id);
            }

            return Task.FromResult(StoreWriteResult.Applied(removed));
        }
    }

    /// <inheritdoc />
    public Task<TickerRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(id, out var row) ? row.Clone() : null);
        }
    }

    /// <inheritdoc />
    public Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        lock (_gate)
        {
            var matches = _rows.Values
                .Where(row => Matches(row, query))
                .OrderBy(row => row.ExecutionTime)
                .ThenBy(row => row.Id)
                .ToList();
            var page = matches.Skip(query.Skip).Take(query.Take).Select(row => row.Clone()).ToList();

            return Task.FromResult(new TickerPage<TickerRecord>(page, matches.Count));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var claimed = new List<TickerRecord>(Math.Min(claim.MaxCount, 256));
            ReclaimExpired(claim, now, claimed);
            ClaimIdle(claim, now, claimed);

            return Task.FromResult<IReadOnlyList<TickerRecord>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<int> CompleteAsync(IReadOnlyList<TickerCompletion> completions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);

        lock (_gate)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var written = 0;
            foreach (var completion in completions)
            {
                if (_rows.TryGetValue(completion.Id, out var row)
                    && row.Status == TickerStatus.InProgress
                    && row.Fence == completion.Fence)
                {
                    Complete(row, completion, now);
                    written++;
                }
            }

            return Task.FromResult(written);
        }
    }

    /// <inheritdoc />
    public Task<int> RenewLeasesAsync(
        string owner,
        IReadOnlyList<TickerLease> leases,
        TimeSpan leaseLength,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leases);

        lock (_gate)
        {
            var expiry = _clock.GetUtcNow().UtcDateTime + leaseLength;
            var renewed = 0;
            foreach (var lease in leases)
            {
                if (_rows.TryGetValue(lease.Id, out var row)
                    && row.Status == TickerStatus.InProgress
                    && row.Fence == lease.Fence
                    && row.LockHolder == owner)
                {
                    _leaseIndex.Remove((row.LeaseExpiry!.Value.Ticks, row.Id));
                    row.LeaseExpiry = expiry;
                    _leaseIndex.Add((expiry.Ticks, row.Id));
                    renewed++;
                }
            }

            return Task.FromResult(renewed);
        }
    }

    /// <inheritdoc />
    public Task<DateTime?> GetNextWakeTimeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long? next = null;
            if (NextClaimableDue() is { } due)
            {
                next = due;
            }

            if (_leaseIndex.Count > 0 && (next is null || _leaseIndex.Min.Ticks < next))
            {
                next = _leaseIndex.Min.Ticks;
            }

            return Task.FromResult(next is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : (DateTime?)null);
        }
    }

    private static bool Matches(TickerRecord row, TimeTickerQuery query) =>
        row.CronTickerId is null
        && (query.Status is null || row.Status == query.Status)
        && (query.Function is null || row.Function == query.Function)
        && (query.From is null || row.ExecutionTime >= query.From)
        && (query.To is null || row.ExecutionTime < query.To);

    private static void ApplyUpdate(TickerRecord row, TickerRecord update)
    {
        row.Function = update.Function;
        row.Description = update.Description;
        row.Request = update.Request;
        row.Retries = update.Retries;
        row.RetryIntervals = update.RetryIntervals;
        row.UpdatedAt = update.UpdatedAt;
        row.ExecutionTime = update.ExecutionTime;
    }

    private void Add(TickerRecord row)
    {
        _rows.Add(row.Id, row);
        if (row.ParentId is { } parentId)
        {
            if (!_childrenByParent.TryGetValue(parentId, out var children))
            {
                children = [];
                _childrenByParent.Add(parentId, children);
            }

            children.Add(row.Id);
        }

        TrackOccurrence(row);
        IndexDue(row);
        if (row.Status == TickerStatus.InProgress && row.LeaseExpiry is { } expiry)
        {
            // A row written as already leased (a copy of another store's, a test's orphan) can be taken over too.
            _leaseIndex.Add((expiry.Ticks, row.Id));
        }
    }

    private void IndexDue(TickerRecord row)
    {
        if (row.Status == TickerStatus.Idle && !row.AwaitingParent)
        {
            _dueIndex.Add((row.ExecutionTime.Ticks, row.Id));
        }
    }

    private void Unindex(TickerRecord row)
    {
        _dueIndex.Remove((row.ExecutionTime.Ticks, row.Id));
        if (row.LeaseExpiry is { } expiry)
        {
            _leaseIndex.Remove((expiry.Ticks, row.Id));
        }
    }

    private void ReclaimExpired(TickerClaim claim, DateTime now, List<TickerRecord> claimed)
    {
        while (claimed.Count < claim.MaxCount && _leaseIndex.Count > 0 && _leaseIndex.Min.Ticks <= now.Ticks)
        {
            var row = _rows[_leaseIndex.Min.Id];
            Unindex(row);
            row.RetryCount++;
            Lease(row, claim, now);
            claimed.Add(row.Clone());
        }
    }

    private void ClaimIdle(TickerClaim claim, DateTime now, List<TickerRecord> claimed)
    {
        HashSet<Guid>? running = null;
        var room = RoomLeft(claim);
        var waiting = new List<TickerRecord>();
        while (claimed.Count < claim.MaxCount && _dueIndex.Count > 0 && _dueIndex.Min.Ticks <= claim.DueBefore.Ticks)
        {
            var row = _rows[_dueIndex.Min.Id];
            Unindex(row);
            if (row.CronOverlap != CronOverlapPolicy.Allow
                && !TryClaimOverlap(row, running ??= RunningCrons(), now, waiting))
            {
                continue;
            }

            if (!TryTakeRoom(room, row.Function))
            {
                ReleaseOverlap(row, running);
                waiting.Add(row);
                continue;
            }

            Lease(row, claim, now);
            claimed.Add(row.Clone());
        }

        waiting.ForEach(IndexDue);
    }

    private void Lease(TickerRecord row, TickerClaim claim, DateTime now)
    {
        row.Status = TickerStatus.InProgress;
        row.LockHolder = claim.Owner;
        row.LockedAt = now;
        row.LeaseExpiry = now + claim.LeaseLength;
        row.Fence++;
        row.UpdatedAt = now;
        _leaseIndex.Add((row.LeaseExpiry.Value.Ticks, row.Id));
    }

    private void Complete(TickerRecord row, TickerCompletion completion, DateTime now)
    {
        Unindex(row);
        row.Status = completion.Status;
        row.RetryCount = completion.RetryCount;
        row.ExecutionTime = completion.ExecutionTime;
        row.ExecutedAt = completion.ExecutedAt ?? row.ExecutedAt;
        row.ElapsedMilliseconds = completion.ElapsedMilliseconds;
        row.ExceptionMessage = completion.ExceptionMessage ?? row.ExceptionMessage;
        row.LockHolder = null;
        row.LockedAt = null;
        row.LeaseExpiry = null;
        row.UpdatedAt = now;
        IndexDue(row);
        if (completion.IsFinal)
        {
            ReleaseChildren(row.Id, row.Status, now);
        }
    }

    private void ReleaseChildren(Guid parentId, TickerStatus parentStatus, DateTime now)
    {
        if (!_childrenByParent.TryGetValue(parentId, out var children))
        {
            return;
        }

        foreach (var childId in children)
        {
            if (!_rows.TryGetValue(childId, out var child) || !child.AwaitingParent)
            {
                continue;
            }

            child.AwaitingParent = false;
            child.UpdatedAt = now;
            if (ChainRules.Allows(child.RunCondition, parentStatus))
            {
                child.ExecutionTime = child.ExecutionTime > now ? child.ExecutionTime : now;
                IndexDue(child);
                continue;
            }

            child.Status = TickerStatus.Skipped;
            child.ExceptionMessage = ChainRules.SkipReason(child.RunCondition, parentStatus);
            ReleaseChildren(child.Id, TickerStatus.Skipped, now);
        }
    }

    private int RemoveWithDescendants(Guid id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return 0;
        }

        Unindex(row);
        ForgetOccurrence(row);
        if (row.ParentId is { } parentId && _childrenByParent.TryGetValue(parentId, out var siblings))
        {
            siblings.Remove(id);
        }

        var removed = 1;
        if (_childrenByParent.Remove(id, out var children))
        {
            foreach (var childId in children)
            {
                removed += RemoveWithDescendants(childId);
            }
        }

        return removed;
    }
}
