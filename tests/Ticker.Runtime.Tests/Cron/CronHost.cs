using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>Short calls for cron tests on a <see cref="TickerTestHost"/>.</summary>
internal static class CronHost
{
    public static ICronTickerManager<CronTickerEntity> Crons(this TickerTestHost host) =>
        host.Services.GetRequiredService<ICronTickerManager<CronTickerEntity>>();

    public static ICronTickerPersistenceProvider<CronTickerEntity> CronReads(this TickerTestHost host) =>
        host.Services.GetRequiredService<ICronTickerPersistenceProvider<CronTickerEntity>>();

    public static async Task<CronTickerEntity> AddCronAsync(this TickerTestHost host, CronTickerEntity cron)
    {
        var result = await host.Crons().AddAsync(cron);
        Assert.True(result.IsSucceeded, result.Exception?.ToString());

        return cron;
    }

    public static async Task<IReadOnlyList<CronTickerOccurrence>> OccurrencesAsync(
        this TickerTestHost host,
        Guid cronId)
    {
        var page = await host.CronReads().GetOccurrencesAsync(cronId, 0, 100_000);

        return page.Items;
    }

    /// <summary>A cron row as a store would hold it after an earlier run of the application.</summary>
    public static CronTickerRecord Existing(string function, string expression, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(),
        Function = function,
        Expression = expression,
        IsEnabled = true,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    /// <summary>The schedule times of the runs seen, in the order they ran.</summary>
    public static List<DateTime> Times(ConcurrentQueue<TickerFunctionContext> runs) =>
        runs.Select(run => run.ScheduledFor).ToList();
}
