namespace Ticker.Harness;

/// <summary>One scheduler under test, in its own generic host, for one run. Job <c>i</c> reports to the run's
/// <see cref="RunProbe"/> with index <c>i</c>.</summary>
internal interface IContender : IAsyncDisposable
{
    /// <summary>Builds and starts the host.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Adds jobs <paramref name="firstIndex"/> .. <paramref name="firstIndex"/> + <paramref name="count"/> - 1,
    /// each due now.</summary>
    Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken);

    /// <summary>Adds job <c>i</c> due at <c>dueTimes[i]</c> (UTC).</summary>
    Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken);

    /// <summary>Store round trips counted so far, or null when this contender does not count them.</summary>
    long? StoreQueries { get; }

    /// <summary>Calls and time per store operation so far, for contenders that measure them (Ticker); empty
    /// otherwise.</summary>
    Dictionary<string, double> StoreProfile();

    /// <summary>Stops the host without waiting for jobs still queued.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
