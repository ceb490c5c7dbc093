using Ticker.Stores.Conformance;

namespace Ticker.Tests.Storage;

/// <summary>The in-memory store against the cron part of the store contract.</summary>
public sealed class InMemoryCronStoreConformanceTests : CronStoreConformanceTests
{
    protected override Task<ITickerStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<ITickerStore>(new InMemoryTickerStore(clock));
}
