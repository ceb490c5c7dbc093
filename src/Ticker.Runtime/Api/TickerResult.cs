namespace Ticker;

/// <summary>The outcome of a manager operation. Managers report failures here instead of throwing.</summary>
/// <typeparam name="T">The type of the value an operation that succeeded returns.</typeparam>
public sealed class TickerResult<T>
{
    internal TickerResult(bool isSucceeded, T? result, Exception? exception, int affectedRows)
    {
        IsSucceeded = isSucceeded;
        Result = result;
        Exception = exception;
        AffectedRows = affectedRows;
    }

    /// <summary>Whether the operation succeeded.</summary>
    public bool IsSucceeded { get; }

    /// <summary>The value the operation produced; <see langword="default"/> when it failed.</summary>
    public T? Result { get; }

    /// <summary>Why the operation failed: a <see cref="TickerValidatorException"/> for invalid input, another exception
    /// for a store failure. <see langword="null"/> when it succeeded.</summary>
    public Exception? Exception { get; }

    /// <summary>How many stored rows the operation wrote or removed.</summary>
    public int AffectedRows { get; }
}

/// <summary>Makes <see cref="TickerResult{T}"/> values.</summary>
public static class TickerResult
{
    /// <summary>A successful result carrying <paramref name="result"/>.</summary>
    public static TickerResult<T> Succeeded<T>(T? result, int affectedRows) => new(true, result, null, affectedRows);

    /// <summary>A failed result carrying <paramref name="exception"/>.</summary>
    public static TickerResult<T> Failed<T>(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        return new(false, default, exception, 0);
    }
}
