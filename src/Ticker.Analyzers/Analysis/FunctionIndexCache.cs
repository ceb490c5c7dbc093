using System.Threading;
using Microsoft.CodeAnalysis;

namespace Ticker.Analyzers;

/// <summary>Builds a compilation's <see cref="FunctionIndex"/> once, on first use, for all the callbacks of one
/// analyzer run.</summary>
internal sealed class FunctionIndexCache
{
    private readonly Compilation _compilation;
    private FunctionIndex? _index;

    public FunctionIndexCache(Compilation compilation)
    {
        _compilation = compilation;
    }

    public FunctionIndex Get(CancellationToken cancellationToken)
    {
        var index = Volatile.Read(ref _index);
        if (index is not null)
        {
            return index;
        }

        index = FunctionIndex.Build(_compilation, cancellationToken);

        return Interlocked.CompareExchange(ref _index, index, null) ?? index;
    }
}
