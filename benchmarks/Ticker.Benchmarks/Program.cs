using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Results go beside this project (benchmarks/Ticker.Benchmarks/BenchmarkDotNet.Artifacts) rather than into whatever
// directory the command was started from; --artifacts PATH still overrides.
var config = DefaultConfig.Instance.WithArtifactsPath(ArtifactsPath());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

static string ArtifactsPath()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
         directory is not null;
         directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Ticker.Benchmarks.csproj")))
        {
            return Path.Combine(directory.FullName, "BenchmarkDotNet.Artifacts");
        }
    }

    return Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
}
