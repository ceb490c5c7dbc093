using Ticker.Generators.Tests.Harness;

namespace Ticker.Generators.Tests.CompiledOutput;

public sealed class GeneratedCodeCompilationTests
{
    [Theory]
    [InlineData(Samples.Email)]
    [InlineData(Samples.Shapes)]
    [InlineData(Samples.GlobalNamespace)]
    public void Generated_code_compiles_with_warnings_as_errors(string source)
    {
        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void All_samples_together_compile_with_warnings_as_errors()
    {
        var run = GeneratorHarness.Run(Samples.Email, Samples.Shapes, Samples.GlobalNamespace);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems.Select(d => d.ToString()));
    }
}
