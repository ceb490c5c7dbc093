using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>The steps of one planner cycle: reload, plan what came due, insert, sleep.</summary>
internal sealed partial class CronPlanner
{
    private async Task ReloadAsync(ICronTickerStore crons, CancellationToken stopping)
    {
        var enabled = await crons.GetEnabledCronsAsync(stopping).ConfigureAwait(false);
        var lastTimes = await crons.GetLastCronTimesAsync(stopping).ConfigureAwait(false);
        var now = Now();
        var planned = new List<TickerRecord>();
        var kept = new Dictionary<Guid, CronPlan>(enabled.Count);
        foreach (var cron in enabled)
        {
            if (KeepOrStart(cron, lastTimes, now, planned) is { } plan)
            {
                kept.Add(cron.Id, plan);
            }
        }

        ReplacePlans(kept);
        _nextReload = now + ReloadInterval;
        CronLog.Loaded(logger, kept.Count);
        await InsertAsync(crons, planned, stopping).ConfigureAwait(false);
    }

    /// <summary>Plans crons just added on this node and drops the plans of crons just deleted, reading nothing: an
    /// added cron has no occurrence yet, so none can have been missed. A cron already planned (a reload may have
    /// read it first) is left as it is.</summary>
    private async Task ApplyAsync(ICronTickerStore crons, CronChanges changes, CancellationToken stopping)
    {
        foreach (var id in changes.Deleted)
        {
            Drop(id);
        }

        var now = Now();
        var planned = new List<TickerRecord>();
        var none = new Dictionary<Guid, DateTime>();
        foreach (var cron in changes.Added)
        {
            if (cron.IsEnabled && !_plans.ContainsKey(cron.Id) && KeepOrStart(cron, none, now, planned) is { } plan)
            {
                _plans.Add(cron.Id, plan);
                Enqueue(plan);
            }
        }

        await InsertAsync(crons, planned, stopping).ConfigureAwait(false);
    }

    private void Drop(Guid id)
    {
        if (_plans.Remove(id, out var plan) && plan.Planned is { } planned)
        {
            _queue.Remove((planned.Ticks, id));
        }
    }

    private CronPlan? KeepOrStart(
        CronTickerRecord cron,
        IReadOnlyDictionary<Guid, DateTime> lastTimes,
        DateTime now,
        List<TickerRecord> planned)
    {
        var last = lastTimes.TryGetValue(cron.Id, out var time) ? time : (DateTime?)null;
        if (_plans.TryGetValue(cron.Id, out var known) && known.Matches(cron) && StillPlanned(known, last, now))
        {
            return known;
        }

        var plan = CronPlan.TryCreate(cron, out var error);
        if (plan is null)
        {
            CronLog.Unplannable(logger, cron.Id, cron.Function, error ?? "unknown");

            return null;
        }

        var missed = CronPlanning.Start(plan, last, now, planned);
        if (missed > 0)
        {
            CronLog.Misfired(logger, cron.Id, cron.Function, missed, cron.Misfire);
        }

        return plan;
    }

    /// <summary>Whether the occurrence a plan materialized ahead is still the cron's latest; an update removes it,
    /// even one that changed nothing the plan compares.</summary>
    private static bool StillPlanned(CronPlan plan, DateTime? last, DateTime now) =>
        plan.Planned is not { } planned || planned <= now || planned == last;

    private void ReplacePlans(Dictionary<Guid, CronPlan> plans)
    {
        _plans.Clear();
        _queue.Clear();
        foreach (var (id, plan) in plans)
        {
            _plans.Add(id, plan);
            Enqueue(plan);
        }
    }

    /// <summary>Plans every cron whose materialized occurrence has come due. Each one's definition is read first, so a
    /// change made on another node is seen before an occurrence of the old schedule is created.</summary>
    private async Task PlanDueAsync(ICronTickerStore crons, CancellationToken stopping)
    {
        var now = Now();
        var planned = new List<TickerRecord>();
        while (_queue.Count > 0 && _queue.Min.Ticks <= now.Ticks)
        {
            var plan = _plans[_queue.Min.Id];
            _queue.Remove(_queue.Min);
            var current = await crons.GetCronAsync(plan.Cron.Id, stopping).ConfigureAwait(false);
            if (current is null || !current.IsEnabled || !plan.Matches(current))
            {
                _plans.Remove(plan.Cron.Id);
                _nextReload = current is { IsEnabled: true } ? DateTime.MinValue : _nextReload;
                continue;
            }

            CronPlanning.Advance(plan, now, planned);
            Enqueue(plan);
        }

        await InsertAsync(crons, planned, stopping).ConfigureAwait(false);
    }

    private void Enqueue(CronPlan plan)
    {
        if (plan.Planned is { } planned)
        {
            _queue.Add((planned.Ticks, plan.Cron.Id));
        }
    }

    private async Task InsertAsync(ICronTickerStore crons, List<TickerRecord> planned, CancellationToken stopping)
    {
        if (planned.Count == 0)
        {
            return;
        }

        var inserted = await crons.InsertOccurrencesAsync(planned, stopping).ConfigureAwait(false);
        CronLog.Planned(logger, inserted);
        var idle = planned.Where(row => row.Status == TickerStatus.Idle).Select(row => row.ExecutionTime);
        if (idle.Any())
        {
            wakeSignal.Notify(idle.Min());
        }
    }

    private async Task SleepAsync(CancellationToken stopping)
    {
        var wakeAt = _queue.Count > 0 && _queue.Min.Ticks < _nextReload.Ticks
            ? new DateTime(_queue.Min.Ticks, DateTimeKind.Utc)
            : _nextReload;
        var delay = wakeAt - Now();
        if (delay <= TimeSpan.Zero || plannerSignal.WhenChanged().IsCompleted)
        {
            return;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var timer = Task.Delay(delay, time, sleep.Token);
        await Task.WhenAny(timer, plannerSignal.WhenChanged()).ConfigureAwait(false);
        await sleep.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }
}
