using System.Diagnostics;
using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// Measures start to first run in a new process: this harness started again with <c>--child-first-run KEY</c>, which
/// runs one job and prints the Stopwatch timestamps of its <c>Main</c> and of the job. On Linux the Stopwatch reads
/// CLOCK_MONOTONIC, which all processes share, so the parent can subtract its own timestamp taken before spawning.
/// </summary>
internal static class ColdStart
{
    public const string Marker = "FIRST-RUN";

    public static async Task<(double TotalMs, double RuntimeMs)> MeasureAsync(
        ContenderSpec spec,
        HarnessOptions options)
    {
        var start = ChildProcess.StartInfo("--child-first-run", spec.Key,
            "--concurrency", options.Concurrency.ToString(CultureInfo.InvariantCulture));

        var spawned = Stopwatch.GetTimestamp();
        using var child = Process.Start(start) ?? throw new HarnessRunException("could not start the child process");
        var errors = child.StandardError.ReadToEndAsync();
        var report = await ReadReportAsync(child);
        using var exit = new CancellationTokenSource(options.RunTimeout);
        try
        {
            await child.WaitForExitAsync(exit.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
        }

        if (report is not var (main, ran))
        {
            throw new HarnessRunException("the child process reported no run: " + await errors);
        }

        return (Stopwatch.GetElapsedTime(spawned, ran).TotalMilliseconds,
            Stopwatch.GetElapsedTime(spawned, main).TotalMilliseconds);
    }

    /// <summary>The child's side: prints the marker line with both timestamps.</summary>
    public static async Task<int> RunChildAsync(ContenderSpec spec, HarnessOptions options, long mainTimestamp)
    {
        var metrics = await FirstRunScenario.MeasureInProcessAsync(spec, options);
        var ran = (long)metrics["first_run_timestamp"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker} {mainTimestamp} {ran}"));

        return 0;
    }

    private static async Task<(long Main, long Ran)?> ReadReportAsync(Process child)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && parts[0] == Marker)
            {
                return (long.Parse(parts[1], CultureInfo.InvariantCulture),
                    long.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        return null;
    }
}
