using System.Runtime.CompilerServices;

namespace Ticker.Generators.Tests.Harness;

/// <summary>Compares generated text with the files under <c>Expected/</c>. A missing or different file fails;
/// set <c>TICKER_REGENERATE=1</c> to rewrite the files from the current output, then review the diff.</summary>
internal static class ExpectedFiles
{
    public static void AssertMatches(string scenario, IReadOnlyDictionary<string, string> sources)
    {
        var folder = Path.Combine(ProjectFolder(), "Expected", scenario);
        if (Environment.GetEnvironmentVariable("TICKER_REGENERATE") == "1")
        {
            Regenerate(folder, sources);
            return;
        }

        var expectedNames = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order().ToList()
            : [];
        Assert.Equal(expectedNames, sources.Keys.Order().ToList());
        foreach (var (name, text) in sources)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, name)), text);
        }
    }

    private static void Regenerate(string folder, IReadOnlyDictionary<string, string> sources)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, text) in sources)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
    }

    private static string ProjectFolder([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
