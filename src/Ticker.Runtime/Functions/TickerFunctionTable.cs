using System.Collections.Frozen;

namespace Ticker;

/// <summary>The functions this process can run, looked up by name.</summary>
public sealed class TickerFunctionTable
{
    private readonly FrozenDictionary<string, TickerFunctionDescriptor> _functions;

    /// <summary>Builds the table; a later descriptor of the same name replaces an earlier one.</summary>
    public TickerFunctionTable(IEnumerable<TickerFunctionDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);

        var byName = new Dictionary<string, TickerFunctionDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            byName[descriptor.Name] = descriptor;
        }

        _functions = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every function, in no particular order.</summary>
    public IEnumerable<TickerFunctionDescriptor> All => _functions.Values;

    /// <summary>Finds a function by its exact name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TickerFunctionDescriptor? descriptor) =>
        _functions.TryGetValue(name, out descriptor);
}
