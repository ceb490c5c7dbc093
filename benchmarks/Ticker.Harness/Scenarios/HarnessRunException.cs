namespace Ticker.Harness;

/// <summary>A run that could not produce figures, such as one whose jobs did not all run in time.</summary>
internal sealed class HarnessRunException : Exception
{
    public HarnessRunException()
    {
    }

    public HarnessRunException(string message)
        : base(message)
    {
    }

    public HarnessRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
