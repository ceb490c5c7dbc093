namespace Ticker.Benchmarks;

/// <summary>Fresh stores for the store benchmarks: in memory, or a SQLite file in a new temp directory.</summary>
internal static class BenchmarkStores
{
    public static ITickerStore Create(StoreKind kind, out string? directory)
    {
        directory = null;
        if (kind == StoreKind.InMemory)
        {
            return new InMemoryTickerStore(TimeProvider.System);
        }

        directory = Directory.CreateTempSubdirectory("ticker-bench-").FullName;
        var store = new SqliteTickerStore(Path.Combine(directory, "ticker.db"), TimeProvider.System);
        store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();

        return store;
    }

    public static void Dispose(ITickerStore? store, string? directory)
    {
        (store as IDisposable)?.Dispose();
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Inserts <paramref name="count"/> idle tickers already due, in batches of 1,000.</summary>
    public static void FillDue(ITickerStore store, int count)
    {
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 1_000)
        {
            var records = Enumerable.Range(start, Math.Min(1_000, count - start))
                .Select(i => new TickerRecord
                {
                    Id = Guid.CreateVersion7(),
                    Function = "Send",
                    ExecutionTime = now.AddMilliseconds(-count + i),
                    Request = "{\"orderId\":42}"u8.ToArray(),
                    Status = TickerStatus.Idle,
                    CreatedAt = now,
                    UpdatedAt = now,
                })
                .ToList();
            store.InsertAsync(records, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
