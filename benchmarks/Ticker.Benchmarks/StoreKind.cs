namespace Ticker.Benchmarks;

/// <summary>The store a store benchmark runs on.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
}
