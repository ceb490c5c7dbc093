using Ticker.Analyzers.Tests.Harness;

namespace Ticker.Analyzers.Tests.Analysis;

public sealed class UnknownFunctionNameTests
{
    private const string Functions = """
        public sealed record EmailRequest(string To);
        public static class Jobs
        {
            [TickerFunction("SendEmail")] public static void Send(TickerFunctionContext<EmailRequest> c) { }
            [TickerFunction("CleanUp")] public static void CleanUp() { }
        }

        """;

    [Fact]
    public async Task A_misspelt_name_in_an_initializer_is_an_error_naming_the_right_spelling()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Functions +
            "static class Producer { static TimeTickerEntity Make() => new() { Function = \"SendEmial\" }; }");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TICK0301");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("did you mean 'SendEmail'?", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_name_in_an_assignment_is_reported()
    {
        var ids = await AnalyzerHarness.IdsAsync(Functions +
            "static class Producer { static void Set(TimeTickerEntity t) => t.Function = \"cleanup\"; }");

        Assert.Contains("TICK0301", ids);
    }

    [Fact]
    public async Task A_name_from_a_referenced_manifest_or_a_hand_written_descriptor_is_known()
    {
        var library = AnalyzerHarness.Library(
            "Lib", "[assembly: TickerFunctionManifest(\"Lib.Job\", typeof(Lib.LibRequest), typeof(Lib.TickerFunctionsRegistrar))]");

        var ids = await AnalyzerHarness.IdsAsync(Functions + """
            static class Producer
            {
                static TimeTickerEntity A() => new() { Function = "Lib.Job" };
                static TimeTickerEntity B() => new() { Function = "SendEmail" };
                static TimeTickerEntity C() => new() { Function = "Manual" };
                static TickerFunctionDescriptor D() => new TickerFunctionDescriptor("Manual", (c, t) => default);
                static TimeTickerEntity E() => new() { Function = Names.Clean };
            }
            static class Names { public const string Clean = "CleanUp"; }
            """, library);

        Assert.DoesNotContain("TICK0301", ids);
    }

    [Fact]
    public async Task A_name_far_from_every_known_one_gets_no_suggestion()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Functions +
            "static class Producer { static TimeTickerEntity Make() => new() { Function = \"CompletelyDifferentThing\" }; }");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TICK0301");
        Assert.DoesNotContain("did you mean", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
