namespace Ticker.Harness;

/// <summary>Which store a Ticker contender runs on.</summary>
internal enum TickerStoreKind
{
    InMemory,
    Sqlite,
    PostgreSql,
}
