using Microsoft.Extensions.Time.Testing;

namespace Ticker.Stores.Conformance;

/// <summary>
/// The behaviour every <see cref="ITickerStore"/> shares, written once against the contract. A store's test project
/// derives from this class and says how to open its store; every test here then runs against that store. The
/// in-memory store is the reference: where the contract is silent, these tests follow it.
/// </summary>
/// <remarks>
/// The store's clock is a <see cref="FakeTimeProvider"/>, so lease expiry and the times a store stamps are exact. The
/// node's clock only shows up as <see cref="TickerClaim.DueBefore"/>, which several tests set far from the store's
/// clock to prove the two are never mixed up.
/// </remarks>
public abstract partial class TickerStoreConformanceTests : IAsyncLifetime
{
    /// <summary>A node taking leases.</summary>
    protected const string NodeA = "node-a";

    /// <summary>Another node sharing the store.</summary>
    protected const string NodeB = "node-b";

    private readonly List<ITickerStore> _stores = [];

    /// <summary>The store's clock; advance it to let leases run out.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The store under test, initialized.</summary>
    protected ITickerStore Store { get; private set; } = null!;

    /// <summary>The length of every lease the tests take.</summary>
    protected static TimeSpan LeaseLength => TimeSpan.FromSeconds(30);

    /// <summary>The store clock's current instant.</summary>
    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens a new, empty store (or, for a store on a file, another instance on the same file) whose lease
    /// clock is <paramref name="clock"/>. The base class calls <see cref="ITickerStore.InitializeAsync"/>.</summary>
    protected abstract Task<ITickerStore> CreateStoreAsync(TimeProvider clock);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
    }

    /// <summary>Disposes every store the test opened; a derived class removes its files after calling this.</summary>
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (store is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        _stores.Clear();
    }

    /// <summary>Opens and initializes a store; disposed with the test.</summary>
    protected async Task<ITickerStore> OpenStoreAsync()
    {
        var store = await CreateStoreAsync(Clock);
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);

        return store;
    }
}
