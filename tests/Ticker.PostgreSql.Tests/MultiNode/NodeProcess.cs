using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ticker.PostgreSql.Tests.MultiNode;

/// <summary>One node of the cluster, a Ticker.PostgreSql.Node process of its own.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool IsRunning => !_process.HasExited;

    /// <summary>What the node logged (warnings and errors), for failure messages.</summary>
    public string Errors => string.Join('\n', _errors.TakeLast(40));

    /// <summary>Starts the node and waits for it to report that it runs; <paramref name="executable"/> is a
    /// published binary, or <see langword="null"/> for the build next to the tests.</summary>
    public static async Task<NodeProcess> StartAsync(string name, IEnumerable<string> settings, string? executable = null)
    {
        var node = Path.Combine(AppContext.BaseDirectory, "Ticker.PostgreSql.Node.dll");
        var start = executable is null
            ? new ProcessStartInfo("dotnet", ["exec", node, $"name={name}", .. settings])
            : new ProcessStartInfo(executable, [$"name={name}", .. settings]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new NodeProcess(name, Process.Start(start)!);
        process.Listen();
        await process._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));

        return process;
    }

    /// <summary>Kills the node with SIGKILL: no shutdown, its leases stay in the database.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Closes the node's input, which stops it gracefully, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Listen()
    {
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == "ready")
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                _errors.Enqueue(text);
            }
        };
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{Name} exited: {Errors}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }
}
