using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// One node of the nodes scenario: this harness started again with <c>--child-node KEY</c>, running one contender on
/// a shared database. It says <see cref="Ready"/> once started, adds the burst when told <see cref="Add"/> (the
/// unmeasured warm-up burst, jobs numbered after the measured ones, when told <see cref="WarmUp"/>), reports
/// <c>RAN count repeats timestamp</c> whenever its count changes, and stops when told <see cref="Stop"/> (or when its
/// input closes). Both sides are here, so the protocol is written once.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    public const string Ready = "NODE-READY";
    public const string Add = "add";
    public const string WarmUp = "warm-up";
    public const string Stop = "stop";
    private const string RanReport = "NODE-RAN";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_reportInterval = TimeSpan.FromMilliseconds(2);

    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private readonly Task<string> _errors;
    private int _ran;
    private int _repeats;
    private long _reportedAt;

    private NodeProcess(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _reading = Task.Run(ReadReportsAsync);
    }

    /// <summary>Distinct jobs this node started, as of its latest report.</summary>
    public int Ran => Volatile.Read(ref _ran);

    /// <summary>Jobs this node started more than once.</summary>
    public int Repeats => Volatile.Read(ref _repeats);

    /// <summary>The node's Stopwatch timestamp of its latest report.</summary>
    public long ReportedAt => Volatile.Read(ref _reportedAt);

    /// <summary>Starts a node and waits until its scheduler runs.</summary>
    public static async Task<NodeProcess> StartAsync(ContenderSpec spec, string database, HarnessOptions options)
    {
        var start = ChildProcess.StartInfo(
            "--child-node", spec.Key,
            "--node-database", database,
            "--node-jobs", Invariant(options.NodeJobs),
            "--warmup-jobs", Invariant(options.WarmupJobs),
            "--concurrency", Invariant(options.Concurrency),
            "--add-batch", Invariant(options.AddBatch));
        start.RedirectStandardInput = true;
        var node = new NodeProcess(Process.Start(start)
            ?? throw new HarnessRunException("could not start a node process"));
        var started = await Task.WhenAny(node._ready.Task, node._reading, Task.Delay(s_startTimeout));
        if (started != node._ready.Task)
        {
            node._process.Kill(entireProcessTree: true);
            throw new HarnessRunException($"a {spec.Key} node did not start: {await node._errors}");
        }

        return node;
    }

    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Tells the node to stop and waits for it to exit; kills it after <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var exit = new CancellationTokenSource(timeout);
        try
        {
            await SendAsync(Stop);
            await _process.WaitForExitAsync(exit.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => _process.Dispose();

    /// <summary>The child's side: runs the contender until told to stop.</summary>
    public static async Task<int> RunChildAsync(ContenderSpec spec, HarnessOptions options)
    {
        var probe = new RunProbe(options.NodeJobs + options.WarmupJobs);
        var settings = new ContenderSettings(options.Concurrency, options.AddBatch, CountStoreQueries: false,
            options.TickerClaimAhead, options.NodeDatabase);
        var contender = spec.Create(probe, settings);
        await using (contender)
        {
            await contender.StartAsync(CancellationToken.None);
            using var reporting = new CancellationTokenSource();
            var reports = ReportAsync(probe, reporting.Token);
            Console.WriteLine(Ready);

            var adding = Task.CompletedTask;
            while (await Console.In.ReadLineAsync() is { } line && line != Stop)
            {
                adding = line switch
                {
                    Add => contender.AddDueNowAsync(0, options.NodeJobs, CancellationToken.None),
                    WarmUp => contender.AddDueNowAsync(options.NodeJobs, options.WarmupJobs, CancellationToken.None),
                    _ => adding,
                };
            }

            await adding;
            await contender.StopAsync(CancellationToken.None);
            await reporting.CancelAsync();
            await reports;
        }

        return 0;
    }

    private static async Task ReportAsync(RunProbe probe, CancellationToken stopping)
    {
        var reported = (Ran: 0, Repeats: 0);
        while (!stopping.IsCancellationRequested)
        {
            var now = (probe.Ran, probe.Repeats);
            if (now != reported)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{RanReport} {now.Ran} {now.Repeats} {Stopwatch.GetTimestamp()}"));
                reported = now;
            }

            await Task.Delay(s_reportInterval, CancellationToken.None);
        }
    }

    private async Task ReadReportsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (line == Ready)
            {
                _ready.TrySetResult();
            }
            else if (parts.Length == 4 && parts[0] == RanReport)
            {
                Volatile.Write(ref _reportedAt, long.Parse(parts[3], CultureInfo.InvariantCulture));
                Volatile.Write(ref _repeats, int.Parse(parts[2], CultureInfo.InvariantCulture));
                Volatile.Write(ref _ran, int.Parse(parts[1], CultureInfo.InvariantCulture));
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
