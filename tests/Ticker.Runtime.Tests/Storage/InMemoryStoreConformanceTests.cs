using Ticker.Stores.Conformance;

namespace Ticker.Tests.Storage;

/// <summary>The in-memory store against the shared store contract.</summary>
public sealed class InMemoryStoreConformanceTests : TickerStoreConformanceTests
{
    protected override Task<ITickerStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<ITickerStore>(new InMemoryTickerStore(clock));
}
