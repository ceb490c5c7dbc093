using Microsoft.CodeAnalysis;
using Ticker.Generators.Tests.Harness;

namespace Ticker.Generators.Tests.Diagnostics;

/// <summary>An assembly registers the functions of the libraries it references from its own module initializer.</summary>
public sealed class ReferencedAssemblyTests
{
    private const string Library = """
        using Ticker;

        namespace Billing;

        public sealed record InvoiceRequest(int Number);

        public static class InvoiceJobs
        {
            [TickerFunction("Billing.Invoice")]
            public static void Run(TickerFunctionContext<InvoiceRequest> context) => _ = context;
        }
        """;

    [Fact]
    public void The_library_lists_its_functions_in_assembly_attributes()
    {
        var library = GeneratorHarness.Run(GeneratorHarness.Compile("Billing.Lib", [], Library));

        Assert.Contains(
            "[assembly: global::Ticker.TickerFunctionManifest(\"Billing.Invoice\", typeof(global::Billing.InvoiceRequest), typeof(global::Billing.Lib.TickerFunctionsRegistrar))]",
            library.Sources["TickerFunctionsRegistrar.g.cs"],
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static class AppJobs { [Ticker.TickerFunction(\"App.Run\")] public static void Run() { } }")]
    [InlineData("public static class NoFunctions { }")]
    public void An_application_registers_referenced_libraries_from_its_module_initializer(string application)
    {
        var library = GeneratorHarness.Run(GeneratorHarness.Compile("Billing.Lib", [], Library));
        var reference = library.Output.ToMetadataReference();

        var app = GeneratorHarness.Run(GeneratorHarness.Compile("App", [reference], application));

        var registration = application.Contains("TickerFunction", StringComparison.Ordinal)
            ? app.Sources["TickerFunctionsRegistrar.g.cs"]
            : app.Sources["TickerModuleInitializer.g.cs"];
        Assert.Contains("global::Billing.Lib.TickerFunctionsRegistrar.Register();", registration, StringComparison.Ordinal);
        Assert.Empty(app.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void An_assembly_without_functions_or_referenced_manifests_generates_nothing()
    {
        var run = GeneratorHarness.Run("public static class Plain { }");

        Assert.Empty(run.Sources);
    }
}
