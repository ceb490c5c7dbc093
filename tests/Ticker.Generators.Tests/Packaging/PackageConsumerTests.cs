using System.Runtime.CompilerServices;

namespace Ticker.Generators.Tests.Packaging;

/// <summary>The path a NuGet consumer takes: a fresh console project that references only the packed
/// <c>Ticker.Sqlite</c> package from a local folder gets the runtime, the generator and the analyzers through its
/// dependency on <c>Ticker</c>, and runs a job on an embedded SQLite file.</summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ticker-package-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_console_app_referencing_only_the_SQLite_package_builds_checks_and_runs_a_job_on_a_file()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        foreach (var project in new[] { "src/Ticker.Runtime", "src/Ticker.Sqlite" })
        {
            var pack = await DotnetCli.RunAsync(
                RepositoryRoot(), "pack", project, "--no-build", "-c", Configuration(), "-o", feed);
            Assert.True(pack.ExitCode == 0, pack.Output);
        }

        WriteConsumer(app, feed);

        File.WriteAllText(
            Path.Combine(app, "Misspelt.cs"),
            "static class Misspelt { static Ticker.TimeTickerEntity Make() => new() { Function = \"SayHelo\" }; }");
        var misspelt = await DotnetCli.RunAsync(app, "build");
        File.Delete(Path.Combine(app, "Misspelt.cs"));
        var run = await DotnetCli.RunAsync(app, "run");

        Assert.NotEqual(0, misspelt.ExitCode);
        Assert.Contains("TICK0301", misspelt.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'SayHello'?", misspelt.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("ran SayHello for package consumer", run.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void WriteConsumer(string app, string feed)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(app, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="ticker" value="{feed}" />
                <add key="machine" value="{globalPackages}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Ticker.Sqlite" Version="0.1.0" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Consumer;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Ticker;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddTicker().UseSqliteStore(Path.Combine(AppContext.BaseDirectory, "jobs.db"));
            using var host = builder.Build();
            await host.StartAsync();
            var manager = host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
            var added = await manager.AddAsync(TickerFunctions.SayHello.Create(new HelloRequest("package consumer")));
            if (!added.IsSucceeded)
            {
                throw new InvalidOperationException("Add failed", added.Exception);
            }

            var name = await Jobs.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Console.WriteLine($"ran {TickerFunctions.SayHello.Name} for {name}");
            await host.StopAsync();

            public sealed record HelloRequest(string Name);

            public static class Jobs
            {
                public static TaskCompletionSource<string> Done { get; } =
                    new(TaskCreationOptions.RunContinuationsAsynchronously);

                [TickerFunction("SayHello", "0 0 9 * * MON-FRI")]
                public static void SayHello(TickerFunctionContext<HelloRequest> context) =>
                    Done.TrySetResult(context.Request.Name);
            }
            """);
    }

    private static string Configuration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
