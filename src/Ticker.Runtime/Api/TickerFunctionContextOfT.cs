namespace Ticker;

/// <summary>The context of a run whose request has been decoded.</summary>
/// <typeparam name="TRequest">The request type the function declares.</typeparam>
public sealed class TickerFunctionContext<TRequest> : TickerFunctionContext
{
    /// <summary>Adds the decoded request to a run's context.</summary>
    public TickerFunctionContext(TickerFunctionContext context, TRequest request)
        : base(context)
    {
        Request = request;
    }

    /// <summary>The decoded request.</summary>
    public TRequest Request { get; }
}
