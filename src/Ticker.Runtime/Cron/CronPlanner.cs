using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// Keeps the next occurrence of every enabled cron materialized as an idle row ahead of its time. Crons are held in
/// memory, ordered by their materialized occurrence. Crons added or deleted on this node are planned or dropped one by
/// one, without reading the store; all crons are read again after a local update, after a change another node made
/// when the store reports those (<see cref="ICronStoreNotifications"/>), and at the slow <see cref="ReloadInterval"/>
/// (for stores that do not, and in case a report was lost). Between occurrences the loop sleeps, so idle crons cost
/// nothing. Runs only when the store implements <see cref="ICronTickerStore"/>.
/// </summary>
internal sealed partial class CronPlanner(
    ITickerStore store,
    CronSeeder seeder,
    CronPlannerSignal plannerSignal,
    SchedulerWakeSignal wakeSignal,
    TimeProvider time,
    ILogger<CronPlanner> logger) : IHostedService, IDisposable
{
    /// <summary>The most missed occurrences one cron runs (RunAll) or records as skipped (Skip); older ones are
    /// dropped.</summary>
    public const int MaxMissedOccurrences = 1000;

    /// <summary>How often crons are read again even without a signal, to see changes made by other nodes that the
    /// store does not report.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Guid, CronPlan> _plans = [];
    private readonly SortedSet<(long Ticks, Guid Id)> _queue = [];
    private DateTime _nextReload = DateTime.MinValue;
    private Task _loop = Task.CompletedTask;
    private IDisposable? _remoteChanges;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not ICronTickerStore crons)
        {
            CronLog.CronsUnsupported(logger, store.GetType().Name);

            return;
        }

        await seeder.SeedAsync(crons, cancellationToken).ConfigureAwait(false);
        _remoteChanges = (store as ICronStoreNotifications)?.SubscribeToCronChanges(plannerSignal.Notify);
        _loop = Task.Run(() => RunAsync(crons, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _remoteChanges, null)?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the rows planned so far stay; the next node to start plans on from them.
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _remoteChanges, null)?.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(ICronTickerStore crons, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await PlanCycleAsync(crons, stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.StoreFailed(logger, ReloadBackoff, exception);
                await Task.Delay(ReloadBackoff, time, stopping).ConfigureAwait(false);
                _nextReload = DateTime.MinValue;
            }
        }
    }

    private async Task PlanCycleAsync(ICronTickerStore crons, CancellationToken stopping)
    {
        var changes = plannerSignal.TakeChanges();
        if (changes.Reload || Now() >= _nextReload)
        {
            await ReloadAsync(crons, stopping).ConfigureAwait(false);
        }
        else if (!changes.IsEmpty)
        {
            await ApplyAsync(crons, changes, stopping).ConfigureAwait(false);
        }

        await PlanDueAsync(crons, stopping).ConfigureAwait(false);
        await SleepAsync(stopping).ConfigureAwait(false);
    }

    private static TimeSpan ReloadBackoff => TimeSpan.FromSeconds(5);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
