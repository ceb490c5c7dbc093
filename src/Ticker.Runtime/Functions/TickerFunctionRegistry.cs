using System.Collections.Concurrent;

namespace Ticker;

/// <summary>
/// The process-wide list of functions that generated code registers. <c>AddTicker</c> reads it together with the
/// descriptors added to the service collection.
/// </summary>
/// <remarks>
/// Generated code calls <see cref="Register"/> from the application's own registration call, so a library whose
/// types were never touched still contributes its functions.
/// </remarks>
public static class TickerFunctionRegistry
{
    private static readonly ConcurrentDictionary<string, TickerFunctionDescriptor> s_functions =
        new(StringComparer.Ordinal);

    /// <summary>Adds functions; a name seen before is replaced by the later registration.</summary>
    public static void Register(params ReadOnlySpan<TickerFunctionDescriptor> descriptors)
    {
        foreach (var descriptor in descriptors)
        {
            s_functions[descriptor.Name] = descriptor;
        }
    }

    /// <summary>The functions registered so far.</summary>
    public static IReadOnlyCollection<TickerFunctionDescriptor> Registered => (IReadOnlyCollection<TickerFunctionDescriptor>)s_functions.Values;
}
