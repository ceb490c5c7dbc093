namespace Ticker;

/// <summary>A stored request could not be decoded for its function. The run ends
/// <see cref="TickerStatus.Failed"/> without retries and the function is not called.</summary>
public sealed class TickerRequestException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public TickerRequestException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public TickerRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the decoder's error.</summary>
    public TickerRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
