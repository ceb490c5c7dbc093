using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ticker;

/// <summary>Registers the cron manager, reader and planner. The planner is a hosted service added after the node's,
/// so the store is initialized when it starts.</summary>
internal static class CronServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<CronPlannerSignal>();
        services.TryAddSingleton<CronTickerValidator>();
        services.TryAddSingleton<CronSeeder>();
        services.TryAddSingleton(typeof(ICronTickerManager<>), typeof(CronTickerManager<>));
        services.TryAddSingleton(typeof(ICronTickerPersistenceProvider<>), typeof(CronPersistenceProvider<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CronPlanner>());
    }
}
