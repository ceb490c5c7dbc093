using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Ticker.Harness;

/// <summary>Runs a Hangfire <see cref="BackgroundJobServer"/> for the host's lifetime, as Hangfire.NetCore's
/// AddHangfireServer does.</summary>
internal sealed class HangfireServerService(BackgroundJobServerOptions options, JobStorage storage)
    : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server = new BackgroundJobServer(options, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
    }

    public void Dispose() => _server?.Dispose();
}
