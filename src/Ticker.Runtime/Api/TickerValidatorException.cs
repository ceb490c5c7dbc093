namespace Ticker;

/// <summary>A ticker was refused because of its content or its current state. Returned inside a failed
/// <see cref="TickerResult{T}"/>, never thrown by a manager.</summary>
public sealed class TickerValidatorException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public TickerValidatorException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public TickerValidatorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public TickerValidatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one field of one item.</summary>
    /// <param name="field">The field that was refused, such as <c>Retries</c>.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="index">The item's position in a batch, or <see langword="null"/> for a single item.</param>
    public TickerValidatorException(string field, string message, int? index)
        : base(index is null ? $"{field}: {message}" : $"Item {index}: {field}: {message}")
    {
        Field = field;
        Reason = message;
        Index = index;
    }

    /// <summary>The field that was refused, when one field is to blame.</summary>
    public string? Field { get; }

    /// <summary>What is wrong with the field, without the field and index prefix.</summary>
    public string? Reason { get; }

    /// <summary>The position in the batch of the item that was refused, or <see langword="null"/>.</summary>
    public int? Index { get; }
}
