using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ticker.Generators.Tests.Harness;

/// <summary>The outcome of one generator run: its sources, its diagnostics and the compilation with its output.</summary>
internal sealed record GeneratorRun(
    GeneratorDriverRunResult Result,
    CSharpCompilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Every diagnostic the compiler reports on the output with warnings as errors, except the generator's.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();

    public IReadOnlyList<string> GeneratorDiagnosticIds => GeneratorDiagnostics.Select(d => d.Id).ToList();
}
