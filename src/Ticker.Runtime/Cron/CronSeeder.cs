using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>Adds or updates the crons that code declares with <c>[TickerFunction("Name", "cron")]</c>, identified by
/// function name; crons added any other way are never touched. A declared <c>%Section:Key%</c> is read from
/// configuration here, at start, and validated like any other expression.</summary>
internal sealed class CronSeeder(
    TickerFunctionTable functions,
    TimeProvider time,
    ILogger<CronSeeder> logger,
    IConfiguration? configuration = null)
{
    public async Task SeedAsync(ICronTickerStore crons, CancellationToken cancellationToken)
    {
        foreach (var function in functions.All.Where(function => function.CronExpression is not null))
        {
            if (!TryResolve(function.CronExpression!, out var expression, out var error))
            {
                CronLog.SeedInvalid(logger, function.Name, error);
                continue;
            }

            if (await crons.SeedCronAsync(Declared(function, expression), cancellationToken).ConfigureAwait(false))
            {
                CronLog.Seeded(logger, function.Name);
            }
        }
    }

    /// <summary>The declared expression, or the configuration value its placeholder names, once Cronos accepts it.
    /// </summary>
    private bool TryResolve(
        string declared,
        [NotNullWhen(true)] out string? expression,
        [NotNullWhen(false)] out string? error)
    {
        if (!CronExpressions.TryGetConfigurationKey(declared, out var key))
        {
            expression = declared.Trim();

            return CronExpressions.TryParse(expression, out _, out error);
        }

        expression = configuration?[key]?.Trim();
        if (string.IsNullOrEmpty(expression))
        {
            error = configuration is null
                ? $"'{declared}' reads configuration key '{key}', but no IConfiguration is registered."
                : $"'{declared}' reads configuration key '{key}', which has no value.";
            expression = null;

            return false;
        }

        if (!CronExpressions.TryParse(expression, out _, out error))
        {
            error = $"configuration key '{key}': {error}";
            expression = null;

            return false;
        }

        return true;
    }

    private CronTickerRecord Declared(TickerFunctionDescriptor function, string expression)
    {
        var now = time.GetUtcNow().UtcDateTime;

        return new CronTickerRecord
        {
            Id = Guid.CreateVersion7(),
            Function = function.Name,
            Expression = expression,
            IsEnabled = true,
            SeedKey = function.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
