using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Ticker.Analyzers.Tests.Harness;

/// <summary>Runs the Ticker analyzers on in-memory sources compiled against .NET 10 and the Ticker runtime.</summary>
internal static class AnalyzerHarness
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Ticker;

        """;

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TickerFunctionAttribute).Assembly.Location),
    ];

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        [new FunctionDeclarationAnalyzer(), new CallSiteAnalyzer()];

    public static CSharpCompilation Compile(string source, params MetadataReference[] extra) =>
        Compile("Tests", source, extra);

    public static CSharpCompilation Compile(string assemblyName, string source, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs")],
            [.. References, .. extra],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A library listing functions in its manifest, as the generator writes it.</summary>
    public static MetadataReference Library(string assemblyName, string manifest)
    {
        var compilation = Compile(assemblyName, manifest + "\nnamespace Lib { public static class TickerFunctionsRegistrar { public static void Register() { } } public sealed record LibRequest(int Id); }");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        return compilation.ToMetadataReference();
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, params MetadataReference[] extra)
    {
        var compilation = Compile(source, extra);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        return await compilation.WithAnalyzers(s_analyzers).GetAnalyzerDiagnosticsAsync();
    }

    public static async Task<IReadOnlyList<string>> IdsAsync(string source, params MetadataReference[] extra) =>
        (await AnalyzeAsync(source, extra)).Select(d => d.Id).ToList();
}
