namespace Ticker;

/// <summary>Checks a cron before it is written: function, expression, time zone, retries and request size. Each rule
/// names the field it refuses.</summary>
internal sealed class CronTickerValidator(TickerFunctionTable functions, TickerOptions options)
{
    /// <summary>The message of the failure a store without cron support gives.</summary>
    public static string UnsupportedStore(ITickerStore store) =>
        $"The store {store.GetType().Name} does not keep cron tickers: it does not implement ICronTickerStore.";

    /// <summary>The first rule the cron breaks, or <see langword="null"/> when it is valid.</summary>
    public TickerValidatorException? Validate(CronTickerEntity? entity, int? index)
    {
        if (entity is null)
        {
            return new TickerValidatorException("Entity", "the cron ticker is null.", index);
        }

        return ValidateFunction(entity.Function, index)
            ?? ValidateExpression(entity.Expression, index)
            ?? ValidateZone(entity.TimeZone, index)
            ?? ValidateRetries(entity, index)
            ?? ValidateRequest(entity, index);
    }

    private TickerValidatorException? ValidateFunction(string? function, int? index)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return new TickerValidatorException(nameof(CronTickerEntity.Function), "a function name is required.", index);
        }

        if (options.ValidateFunctionNames && !functions.TryGet(function, out _))
        {
            return new TickerValidatorException(
                nameof(CronTickerEntity.Function),
                $"'{function}' is not a registered ticker function{Suggestion(function)}",
                index);
        }

        return null;
    }

    private string Suggestion(string function)
    {
        var closest = functions.All
            .Select(f => (f.Name, Distance: EditDistance.Between(function, f.Name)))
            .Where(candidate => candidate.Distance <= Math.Max(2, function.Length / 3))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();

        return closest is null ? "." : $"; did you mean '{closest}'?";
    }

    private static TickerValidatorException? ValidateExpression(string? expression, int? index) =>
        CronExpressions.TryParse(expression, out _, out var error)
            ? null
            : new TickerValidatorException(nameof(CronTickerEntity.Expression), error, index);

    private static TickerValidatorException? ValidateZone(string? timeZone, int? index) =>
        CronExpressions.TryResolveZone(timeZone, out _)
            ? null
            : new TickerValidatorException(
                nameof(CronTickerEntity.TimeZone),
                $"'{timeZone}' is not a time zone known on this machine (use an IANA or Windows id).",
                index);

    private static TickerValidatorException? ValidateRetries(CronTickerEntity entity, int? index)
    {
        if (entity.Retries < 0)
        {
            return new TickerValidatorException(
                nameof(CronTickerEntity.Retries), $"must be zero or more, but was {entity.Retries}.", index);
        }

        var intervals = entity.RetryIntervals ?? [];
        var bad = Array.FindIndex(intervals, interval => interval <= 0);

        return bad < 0
            ? null
            : new TickerValidatorException(
                nameof(CronTickerEntity.RetryIntervals),
                $"every interval must be at least one second, but interval {bad} was {intervals[bad]}.",
                index);
    }

    private TickerValidatorException? ValidateRequest(CronTickerEntity entity, int? index) =>
        entity.Request is { Length: var length } && length > options.MaxRequestBytes
            ? new TickerValidatorException(
                nameof(CronTickerEntity.Request),
                $"is {length} bytes, more than the limit of {options.MaxRequestBytes} bytes.",
                index)
            : null;
}
