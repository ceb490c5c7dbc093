namespace Ticker;

/// <summary>Checks a ticker before it is written. Each rule names the field it refuses.</summary>
internal sealed class TickerValidator(TickerFunctionTable functions, TickerOptions options)
{
    /// <summary>The first rule the entity breaks, or <see langword="null"/> when it is valid.</summary>
    public TickerValidatorException? Validate(TimeTickerEntity entity, int? index)
    {
        if (entity is null)
        {
            return new TickerValidatorException("Entity", "the ticker is null.", index);
        }

        return ValidateFunction(entity.Function, index)
            ?? ValidateRetries(entity, index)
            ?? ValidateRequest(entity, index)
            ?? ValidateChildren(entity, index);
    }

    private TickerValidatorException? ValidateFunction(string? function, int? index)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return new TickerValidatorException(nameof(TimeTickerEntity.Function), "a function name is required.", index);
        }

        if (options.ValidateFunctionNames && !functions.TryGet(function, out _))
        {
            return new TickerValidatorException(
                nameof(TimeTickerEntity.Function),
                $"'{function}' is not a registered ticker function{Suggestion(function)}",
                index);
        }

        return null;
    }

    private static TickerValidatorException? ValidateRetries(TimeTickerEntity entity, int? index)
    {
        if (entity.Retries < 0)
        {
            return new TickerValidatorException(
                nameof(TimeTickerEntity.Retries), $"must be zero or more, but was {entity.Retries}.", index);
        }

        var intervals = entity.RetryIntervals ?? [];
        for (var i = 0; i < intervals.Length; i++)
        {
            if (intervals[i] <= 0)
            {
                return new TickerValidatorException(
                    nameof(TimeTickerEntity.RetryIntervals),
                    $"every interval must be at least one second, but interval {i} was {intervals[i]}.",
                    index);
            }
        }

        return null;
    }

    private TickerValidatorException? ValidateRequest(TimeTickerEntity entity, int? index)
    {
        if (entity.Request is { Length: var length } && length > options.MaxRequestBytes)
        {
            return new TickerValidatorException(
                nameof(TimeTickerEntity.Request),
                $"is {length} bytes, more than the limit of {options.MaxRequestBytes} bytes.",
                index);
        }

        return null;
    }

    private TickerValidatorException? ValidateChildren(TimeTickerEntity entity, int? index)
    {
        foreach (var child in entity.Children ?? [])
        {
            if (Validate(child, null) is { } error)
            {
                return new TickerValidatorException($"Children.{error.Field}", error.Reason ?? error.Message, index);
            }
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
}
