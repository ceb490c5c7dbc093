using Microsoft.Extensions.Hosting;

namespace Ticker.Harness;

/// <summary>An empty host and no scheduler: what the harness process itself costs while idle.</summary>
internal sealed class BaselineContender : IContender
{
    private IHost? _host;

    public long? StoreQueries => null;

    public Dictionary<string, double> StoreProfile() => [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _host = HarnessHost.CreateBuilder().Build();
        await _host.StartAsync(cancellationToken);
    }

    public Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The baseline has no scheduler.");

    public Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The baseline has no scheduler.");

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
