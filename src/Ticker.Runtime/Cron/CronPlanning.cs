namespace Ticker;

/// <summary>Decides which occurrence rows a cron needs: when the planner first sees it (with the misfire policy for
/// what it missed), and each time its materialized occurrence comes due.</summary>
internal static class CronPlanning
{
    /// <summary>Plans a cron the planner has not seen, or whose definition changed. Occurrences missed while no node
    /// ran are judged from <paramref name="lastCronTime"/> (or when the cron was created) and from its last change, so
    /// that a cron resumed or edited does not catch up on what it was told to skip. Returns how many were missed.
    /// </summary>
    public static int Start(CronPlan plan, DateTime? lastCronTime, DateTime now, List<TickerRecord> into)
    {
        var cron = plan.Cron;
        if (lastCronTime is { } last && last > now)
        {
            plan.Planned = last;

            return 0;
        }

        var from = Later(lastCronTime ?? cron.CreatedAt, cron.UpdatedAt);
        var cap = cron.Misfire == CronMisfirePolicy.RunOnce ? 1 : CronPlanner.MaxMissedOccurrences;
        var missed = plan.LatestBetween(from, now, cap);
        foreach (var time in missed)
        {
            into.Add(Missed(cron, time, now));
        }

        plan.Planned = missed.Count > 0 ? missed[^1] : lastCronTime;
        AddNext(plan, now, into);

        return missed.Count;
    }

    /// <summary>Plans a cron whose materialized occurrence has come due: every occurrence since then that the planner
    /// was too late to create ahead (it was running, so these run), and the next one after
    /// <paramref name="now"/>.</summary>
    public static void Advance(CronPlan plan, DateTime now, List<TickerRecord> into)
    {
        if (plan.Planned is { } planned)
        {
            foreach (var time in plan.LatestBetween(planned, now, CronPlanner.MaxMissedOccurrences))
            {
                into.Add(CronTickerMapper.NewOccurrence(plan.Cron, time, time, now));
                plan.Planned = time;
            }
        }

        AddNext(plan, now, into);
    }

    private static void AddNext(CronPlan plan, DateTime now, List<TickerRecord> into)
    {
        var next = plan.NextAfter(Later(now, plan.Planned ?? now));
        if (next is { } time)
        {
            into.Add(CronTickerMapper.NewOccurrence(plan.Cron, time, time, now));
        }

        plan.Planned = next;
    }

    private static TickerRecord Missed(CronTickerRecord cron, DateTime time, DateTime now)
    {
        var occurrence = CronTickerMapper.NewOccurrence(cron, time, time, now);
        if (cron.Misfire == CronMisfirePolicy.Skip)
        {
            occurrence.Status = TickerStatus.Skipped;
            occurrence.ExceptionMessage =
                $"Skipped: no node ran at {time:O}, and the cron's misfire policy is Skip.";
        }

        return occurrence;
    }

    private static DateTime Later(DateTime left, DateTime right) => left > right ? left : right;
}
