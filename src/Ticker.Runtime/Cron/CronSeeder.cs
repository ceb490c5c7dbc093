using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>Adds or updates the crons that code declares with <c>[TickerFunction("Name", "cron")]</c>, identified by
/// function name; crons added any other way are never touched.</summary>
internal sealed class CronSeeder(TickerFunctionTable functions, TimeProvider time, ILogger<CronSeeder> logger)
{
    public async Task SeedAsync(ICronTickerStore crons, CancellationToken cancellationToken)
    {
        foreach (var function in functions.All.Where(function => function.CronExpression is not null))
        {
            if (!CronExpressions.TryParse(function.CronExpression, out _, out var error))
            {
                CronLog.SeedInvalid(logger, function.Name, error);
                continue;
            }

            if (await crons.SeedCronAsync(Declared(function), cancellationToken).ConfigureAwait(false))
            {
                CronLog.Seeded(logger, function.Name);
            }
        }
    }

    private CronTickerRecord Declared(TickerFunctionDescriptor function)
    {
        var now = time.GetUtcNow().UtcDateTime;

        return new CronTickerRecord
        {
            Id = Guid.CreateVersion7(),
            Function = function.Name,
            Expression = function.CronExpression!.Trim(),
            IsEnabled = true,
            SeedKey = function.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
