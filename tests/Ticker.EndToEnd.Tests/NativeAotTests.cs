using System.Text.RegularExpressions;

namespace Ticker.EndToEnd.Tests;

public sealed partial class NativeAotTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ticker-aot-").FullName;

    [Fact]
    public async Task The_sample_publishes_as_native_AOT_with_zero_warnings_and_the_binary_runs_its_jobs()
    {
        var publish = await ChildProcess.RunAsync(
            "dotnet",
            ["publish", Path.Combine(RepositoryRoot(), "samples", "Ticker.Sample", "Ticker.Sample.csproj"),
             "-c", "Release", "-r", "linux-x64", "-o", _output, "-p:TreatWarningsAsErrors=false"],
            TimeSpan.FromMinutes(8));
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Empty(WarningLine().Matches(publish.Output).Select(m => m.Value).Distinct());

        var run = await ChildProcess.RunAsync(Path.Combine(_output, "Ticker.Sample"), [], TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"FlakyImport\s+Done\s+retries used: 2", run.Output);
        Assert.Matches(@"SendWelcomeEmail\s+Done", run.Output);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [GeneratedRegex(@"^.*\bwarning [A-Z]{2,}[0-9]{3,}\b.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

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
