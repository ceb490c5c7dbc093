using System.Diagnostics;
using System.Text.RegularExpressions;
using Ticker.PostgreSql.Tests.MultiNode;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests;

/// <summary>
/// Apps on Ticker published as Native AOT: zero trim or AOT warnings, and the binaries run jobs against real stores.
/// Both publishes live in this one class, so they run one after the other and never build the same projects in Release
/// at the same time.
/// </summary>
[Collection(PostgreSqlTests.Name)]
public sealed partial class NativeAotTests(PostgreSqlServer server) : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ticker-pg-aot-").FullName;

    [Fact]
    public async Task A_node_on_the_PostgreSQL_store_publishes_as_native_AOT_with_zero_warnings_and_runs_jobs()
    {
        await PublishAsync(Path.Combine("tests", "Ticker.PostgreSql.Node", "Ticker.PostgreSql.Node.csproj"));

        await using var cluster = await Cluster.CreateAsync(server);
        await cluster.StartPublishedNodeAsync("aot", Path.Combine(_output, "Ticker.PostgreSql.Node"));
        var ids = await cluster.AddJobsAsync(50, DateTime.UtcNow);
        await cluster.WaitUntilAllFinishedAsync(TimeSpan.FromSeconds(60));
        await cluster.StopNodesAsync();

        var runs = await cluster.ExecutionsPerTickerAsync();
        Assert.Equal(ids.Order(), runs.Keys.Order());
        Assert.Equal(["aot"], (await cluster.ExecutionsPerNodeAsync()).Keys);
    }

    [Fact]
    public async Task The_sample_publishes_as_native_AOT_with_zero_warnings_and_runs_its_jobs_on_SQLite_and_PostgreSQL()
    {
        await PublishAsync(Path.Combine("samples", "Ticker.Sample", "Ticker.Sample.csproj"));
        var sample = Path.Combine(_output, "Ticker.Sample");
        var database = await server.CreateDatabaseAsync("sample_" + Guid.NewGuid().ToString("N")[..10]);

        var onSqlite = await RunAsync(sample);
        var onPostgreSql = await RunAsync(sample, "--Ticker:PostgreSql", database);

        Assert.Contains("ticker-sample.db", onSqlite);
        Assert.Contains("PostgreSQL, schema ticker_sample", onPostgreSql);
        foreach (var output in new[] { onSqlite, onPostgreSql })
        {
            Assert.Matches(@"FlakyImport\s+Done\s+retries used: 2", output);
            Assert.Matches(@"SendWelcomeEmail\s+Done", output);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [GeneratedRegex(@"^.*\bwarning [A-Z]{2,}[0-9]{3,}\b.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    /// <summary>Publishes a project of the repository for linux-x64 into the test's folder and asserts it succeeded
    /// without a warning.</summary>
    private async Task PublishAsync(string project)
    {
        var (exitCode, output) = await RunAsync(
            "dotnet",
            TimeSpan.FromMinutes(8),
            "publish", Path.Combine(RepositoryRoot(), project), "-c", "Release", "-r", "linux-x64", "-o", _output,
            "-p:TreatWarningsAsErrors=false");

        Assert.True(exitCode == 0, output);
        Assert.Empty(WarningLine().Matches(output).Select(match => match.Value).Distinct());
    }

    /// <summary>Runs a published app to its end, asserts it exited with 0 and returns what it printed.</summary>
    private static async Task<string> RunAsync(string app, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(app, TimeSpan.FromSeconds(60), arguments);
        Assert.True(exitCode == 0, output);

        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string file,
        TimeSpan timeout,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

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
