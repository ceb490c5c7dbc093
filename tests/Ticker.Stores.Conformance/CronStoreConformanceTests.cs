using Microsoft.Extensions.Time.Testing;

namespace Ticker.Stores.Conformance;

/// <summary>
/// The cron part of the store contract (<see cref="ICronTickerStore"/> and the overlap rules of the claim), for stores
/// that keep crons. A store's test project derives from this class only when its store implements the interface.
/// </summary>
public abstract partial class CronStoreConformanceTests : IAsyncLifetime
{
    private readonly List<ITickerStore> _stores = [];

    /// <summary>The store's clock.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The store under test, initialized.</summary>
    protected ITickerStore Store { get; private set; } = null!;

    /// <summary>The store under test as a cron store.</summary>
    protected ICronTickerStore Crons => (ICronTickerStore)Store;

    /// <summary>The store clock's current instant.</summary>
    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens a new, empty store whose lease clock is <paramref name="clock"/>; it must implement
    /// <see cref="ICronTickerStore"/>.</summary>
    protected abstract Task<ITickerStore> CreateStoreAsync(TimeProvider clock);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var store = await CreateStoreAsync(Clock);
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        Store = store;
    }

    /// <summary>Disposes the store; a derived class removes its files after calling this.</summary>
    public virtual Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            (store as IDisposable)?.Dispose();
        }

        _stores.Clear();

        return Task.CompletedTask;
    }

    /// <summary>A cron with every field set.</summary>
    protected CronTickerRecord NewCron(string function = "Cleanup", string? seedKey = null) => new()
    {
        Id = Guid.NewGuid(),
        Function = function,
        Expression = "0 */5 * * * *",
        Request = [7, 8],
        Retries = 1,
        RetryIntervals = [10],
        IsEnabled = true,
        TimeZone = "Europe/Berlin",
        Description = "a cron",
        Misfire = CronMisfirePolicy.RunAll,
        Overlap = CronOverlapPolicy.Wait,
        SeedKey = seedKey,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>An idle occurrence of <paramref name="cron"/> due <paramref name="dueIn"/> from now.</summary>
    protected TickerRecord NewOccurrence(
        CronTickerRecord cron,
        TimeSpan dueIn,
        CronOverlapPolicy overlap = CronOverlapPolicy.Allow,
        bool scheduled = true) => new()
    {
        Id = Guid.NewGuid(),
        Function = cron.Function,
        ExecutionTime = Now + dueIn,
        Status = TickerStatus.Idle,
        CreatedAt = Now,
        UpdatedAt = Now,
        CronTickerId = cron.Id,
        CronTime = scheduled ? Now + dueIn : null,
        CronOverlap = overlap,
    };

    /// <summary>Inserts a cron and asserts the store took it.</summary>
    protected async Task<CronTickerRecord> AddCronAsync(CronTickerRecord? cron = null)
    {
        cron ??= NewCron();
        Assert.Equal(StoreWriteResult.Applied(1), await Crons.InsertCronsAsync([cron], CancellationToken.None));

        return cron;
    }

    /// <summary>Inserts occurrences; returns how many the store inserted.</summary>
    protected Task<int> InsertOccurrencesAsync(params TickerRecord[] occurrences) =>
        Crons.InsertOccurrencesAsync(occurrences, CancellationToken.None);

    /// <summary>Claims everything due by <paramref name="dueBefore"/> (default now).</summary>
    protected Task<IReadOnlyList<TickerRecord>> ClaimAsync(DateTime? dueBefore = null) =>
        Store.ClaimDueAsync(
            new TickerClaim("node-a", dueBefore ?? Now, 100, TimeSpan.FromSeconds(30)),
            CancellationToken.None);

    /// <summary>Reads a row that must exist.</summary>
    protected async Task<TickerRecord> GetAsync(Guid id)
    {
        var row = await Store.GetAsync(id, CancellationToken.None);
        Assert.NotNull(row);

        return row;
    }

    /// <summary>Ends a claimed row as done.</summary>
    protected Task<int> FinishAsync(TickerRecord claimed) =>
        Store.CompleteAsync(
            [new TickerCompletion(claimed.Id, claimed.Fence, TickerStatus.Done, 0, claimed.ExecutionTime, Now, 1, null)],
            CancellationToken.None);
}
