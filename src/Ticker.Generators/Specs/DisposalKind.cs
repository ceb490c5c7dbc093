namespace Ticker.Generators;

/// <summary>How the invoker disposes an instance target after its run.</summary>
internal enum DisposalKind
{
    None,
    Dispose,
    DisposeAsync,
}
