namespace Ticker.Generators;

/// <summary>The compilation-wide facts the emitter needs: the namespace of the generated types and the registrars of
/// referenced assemblies, read from their <c>[assembly: TickerFunctionManifest]</c> attributes.</summary>
internal sealed record AssemblySpec(string Namespace, EquatableArray<string> ReferencedRegistrars);
