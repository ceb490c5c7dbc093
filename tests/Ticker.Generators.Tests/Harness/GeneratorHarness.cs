using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ticker.Generators;

namespace Ticker.Generators.Tests.Harness;

/// <summary>Runs the generator on in-memory sources compiled against the .NET 10 reference assemblies and the
/// Ticker runtime.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TickerFunctionAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> extra, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            [.. s_references, .. extra],
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static CSharpCompilation Compile(params string[] sources) => Compile("Sample", [], sources);

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        return new GeneratorRun(driver.GetRunResult(), (CSharpCompilation)output, diagnostics);
    }

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new TickerFunctionGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
