using System.Diagnostics;
using System.Globalization;

namespace Ticker.EndToEnd.Tests;

public sealed class CrashRecoveryTests : IDisposable
{
    private const int JobCount = 60;
    private readonly string _directory = Directory.CreateTempSubdirectory("ticker-crash-").FullName;

    private string Database => Path.Combine(_directory, "jobs.db");

    private string LogPath => Path.Combine(_directory, "runs.log");

    [Fact]
    public async Task A_node_killed_mid_run_loses_no_job_and_a_new_node_finishes_them_after_the_lease_expires()
    {
        var ids = await SeedAsync();
        using var first = StartNode();
        await WaitUntilAsync(() => InFlight().Count >= 2, "the first node to be running jobs");

        first.Kill();
        await first.WaitForExitAsync();
        var unfinished = await UnfinishedAsync(ids);
        var leasedAtKill = unfinished.Where(t => t.Status == TickerStatus.InProgress).Select(t => t.Id).ToHashSet();
        Assert.NotEmpty(leasedAtKill);

        using var second = StartNode();
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(90)), "The second node did not finish in 90 s.");
        Assert.Equal(0, second.ExitCode);

        var store = await OpenStoreAsync();
        var records = await Task.WhenAll(ids.Select(id => store.GetAsync(id, default)));
        Assert.All(records, r => Assert.Contains(r!.Status, new[] { TickerStatus.Done, TickerStatus.DueDone }));
        var ranOnSecond = Ends().Where(e => e.Pid == second.Id).Select(e => e.Id).ToHashSet();
        Assert.Equal(unfinished.Select(t => t.Id).ToHashSet(), ranOnSecond);
        Assert.All(records.Where(r => leasedAtKill.Contains(r!.Id)), r => Assert.Equal(1, r!.RetryCount));
        Assert.All(records.Where(r => !leasedAtKill.Contains(r!.Id)), r => Assert.Equal(0, r!.RetryCount));
    }

    [Fact]
    public async Task A_job_that_kills_every_node_running_it_ends_Failed_after_MaxLostRuns_and_the_next_node_survives()
    {
        var store = await OpenStoreAsync();
        var now = DateTime.UtcNow;
        var poison = new TickerRecord { Id = Guid.CreateVersion7(), Function = "Poison", ExecutionTime = now };
        var work = new TickerRecord
        {
            Id = Guid.CreateVersion7(), Function = "Work", ExecutionTime = now.AddSeconds(1),
        };
        Assert.True((await store.InsertAsync([poison, work], default)).IsApplied);

        // Retries 0 and MaxLostRuns 1: the first run and one more may be lost with their nodes; the third node that
        // takes the ticker over ends it Failed instead of running it.
        var exitCodes = new List<int>();
        for (var node = 0; node < 4 && exitCodes.LastOrDefault(-1) != 0; node++)
        {
            using var process = StartNode(maxLostRuns: 1);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"Node {node + 1} did not end in 60 s.");
            exitCodes.Add(process.ExitCode);
        }

        var failed = await store.GetAsync(poison.Id, default);
        Assert.Equal(3, exitCodes.Count);
        Assert.All(exitCodes.Take(2), code => Assert.NotEqual(0, code));
        Assert.Equal(0, exitCodes[2]);
        Assert.Equal(2, Lines().Count(line => line.What == "start" && line.Id == poison.Id));
        Assert.Equal((TickerStatus.Failed, 2), (failed!.Status, failed.RetryCount));
        Assert.Contains("were lost with the node that ran them", failed.ExceptionMessage);
        var workStatus = (await store.GetAsync(work.Id, default))!.Status;
        Assert.Contains(workStatus, new[] { TickerStatus.Done, TickerStatus.DueDone });
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<List<Guid>> SeedAsync()
    {
        var store = await OpenStoreAsync();
        var now = DateTime.UtcNow;
        var records = Enumerable.Range(0, JobCount)
            .Select(_ => new TickerRecord
            {
                Id = Guid.CreateVersion7(), Function = "Work", ExecutionTime = now, CreatedAt = now, UpdatedAt = now,
            })
            .ToList();
        Assert.True((await store.InsertAsync(records, default)).IsApplied);

        return records.Select(r => r.Id).ToList();
    }

    private async Task<ITickerStore> OpenStoreAsync()
    {
        var store = new SqliteTickerStore(Database, TimeProvider.System);
        await store.InitializeAsync(default);

        return store;
    }

    private async Task<List<TickerRecord>> UnfinishedAsync(List<Guid> ids)
    {
        var store = await OpenStoreAsync();
        var records = await Task.WhenAll(ids.Select(id => store.GetAsync(id, default)));

        return records.Where(r => r!.Status is TickerStatus.Idle or TickerStatus.InProgress).Select(r => r!).ToList();
    }

    private Process StartNode(int maxLostRuns = 3)
    {
        var node = Path.Combine(AppContext.BaseDirectory, "Ticker.CrashNode.dll");
        var start = new ProcessStartInfo(
            "dotnet", ["exec", node, Database, LogPath, "2", maxLostRuns.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        return Process.Start(start)!;
    }

    private List<(string What, Guid Id, int Pid)> Lines()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 3)
            .Select(parts => (parts[0], Guid.Parse(parts[1]), int.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private List<(string What, Guid Id, int Pid)> Ends() => Lines().Where(l => l.What == "end").ToList();

    private HashSet<Guid> InFlight()
    {
        var lines = Lines();
        var ended = lines.Where(l => l.What == "end").Select(l => l.Id).ToHashSet();

        return lines.Where(l => l.What == "start" && !ended.Contains(l.Id)).Select(l => l.Id).ToHashSet();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }
}
