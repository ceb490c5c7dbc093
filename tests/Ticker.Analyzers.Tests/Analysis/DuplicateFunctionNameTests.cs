using Ticker.Analyzers.Tests.Harness;

namespace Ticker.Analyzers.Tests.Analysis;

public sealed class DuplicateFunctionNameTests
{
    [Fact]
    public async Task Two_methods_with_one_name_are_both_reported()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            public static class A { [TickerFunction("Same")] public static void Run() { } }
            public static class B { [TickerFunction("Same")] public static void Run() { } }
            """);

        Assert.Equal(2, diagnostics.Count(d => d.Id == "TICK0006"));
    }

    [Fact]
    public async Task A_name_also_listed_by_a_referenced_assembly_is_reported()
    {
        var library = AnalyzerHarness.Library(
            "Lib", "[assembly: TickerFunctionManifest(\"Same\", null, typeof(Lib.TickerFunctionsRegistrar))]");

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(
            "public static class A { [TickerFunction(\"Same\")] public static void Run() { } }", library);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TICK0006");
        Assert.Contains("assembly 'Lib'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Distinct_names_are_not_reported()
    {
        var library = AnalyzerHarness.Library(
            "Lib", "[assembly: TickerFunctionManifest(\"Other\", null, typeof(Lib.TickerFunctionsRegistrar))]");

        var ids = await AnalyzerHarness.IdsAsync("""
            public static class A { [TickerFunction("One")] public static void Run() { } }
            public static class B { [TickerFunction("Two")] public static void Run() { } }
            """, library);

        Assert.DoesNotContain("TICK0006", ids);
    }
}
