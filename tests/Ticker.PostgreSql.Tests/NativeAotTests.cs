using System.Diagnostics;
using System.Text.RegularExpressions;
using Ticker.PostgreSql.Tests.MultiNode;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>The node app, which runs Ticker on the PostgreSQL store, published as Native AOT: zero trim or AOT
/// warnings, and the binary runs jobs against the real server (arrays, LISTEN/NOTIFY and all).</summary>
[Collection(PostgreSqlTests.Name)]
public sealed partial class NativeAotTests(PostgreSqlServer server) : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ticker-pg-aot-").FullName;

    [Fact]
    public async Task A_node_on_the_PostgreSQL_store_publishes_as_native_AOT_with_zero_warnings_and_runs_jobs()
    {
        var (exitCode, output) = await PublishAsync();
        Assert.True(exitCode == 0, output);
        Assert.Empty(WarningLine().Matches(output).Select(match => match.Value).Distinct());

        await using var cluster = await Cluster.CreateAsync(server);
        await cluster.StartPublishedNodeAsync("aot", Path.Combine(_output, "Ticker.PostgreSql.Node"));
        var ids = await cluster.AddJobsAsync(50, DateTime.UtcNow);
        await cluster.WaitUntilAllFinishedAsync(TimeSpan.FromSeconds(60));
        await cluster.StopNodesAsync();

        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(ids.Order(), runs.Keys.Order());
        Assert.Equal(["aot"], (await cluster.ExecutionsPerNodeAsync()).Keys);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [GeneratedRegex(@"^.*\bwarning [A-Z]{2,}[0-9]{3,}\b.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    private async Task<(int ExitCode, string Output)> PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "tests", "Ticker.PostgreSql.Node", "Ticker.PostgreSql.Node.csproj");
        var start = new ProcessStartInfo(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", _output, "-p:TreatWarningsAsErrors=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));

        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ticker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ticker.sln not found above the tests.");
    }
}
