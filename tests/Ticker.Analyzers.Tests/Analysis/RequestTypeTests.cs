using Ticker.Analyzers.Tests.Harness;

namespace Ticker.Analyzers.Tests.Analysis;

public sealed class RequestTypeTests
{
    private const string Functions = """
        public sealed record EmailRequest(string To);
        public sealed record SmsRequest(string Phone);
        public static class Jobs
        {
            [TickerFunction("SendEmail")] public static void Send(TickerFunctionContext<EmailRequest> c) { }
            [TickerFunction("CleanUp")] public static void CleanUp() { }
        }

        """;

    [Fact]
    public async Task A_request_of_another_type_is_an_error()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Functions + """
            static class Producer
            {
                static TimeTickerEntity Make() => new()
                {
                    Function = "SendEmail",
                    Request = TickerHelper.CreateTickerRequest(new SmsRequest("1")),
                };
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TICK0302");
        Assert.Contains("'EmailRequest'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("'SmsRequest'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_of_the_function_type_is_not_reported()
    {
        var ids = await AnalyzerHarness.IdsAsync(Functions + """
            static class Producer
            {
                static TimeTickerEntity Make() => new()
                {
                    Function = "SendEmail",
                    Request = TickerHelper.CreateTickerRequest(new EmailRequest("a@b.c")),
                };
            }
            """);

        Assert.Empty(ids);
    }

    [Fact]
    public async Task A_request_type_listed_by_a_referenced_manifest_is_checked()
    {
        var library = AnalyzerHarness.Library(
            "Lib", "[assembly: TickerFunctionManifest(\"Lib.Job\", typeof(Lib.LibRequest), typeof(Lib.TickerFunctionsRegistrar))]");

        var ids = await AnalyzerHarness.IdsAsync(Functions + """
            static class Producer
            {
                static TimeTickerEntity Wrong() => new() { Function = "Lib.Job", Request = TickerHelper.CreateTickerRequest(new EmailRequest("x")) };
                static TimeTickerEntity Right() => new() { Function = "Lib.Job", Request = TickerHelper.CreateTickerRequest(new Lib.LibRequest(1)) };
            }
            """, library);

        Assert.Equal(["TICK0302"], ids);
    }

    [Fact]
    public async Task A_request_for_a_function_that_takes_none_is_a_warning()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Functions + """
            static class Producer
            {
                static TimeTickerEntity Make() => new()
                {
                    Function = "CleanUp",
                    Request = TickerHelper.CreateTickerRequest(new EmailRequest("a@b.c")),
                };
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TICK0303", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task A_function_without_a_request_scheduled_without_one_is_not_reported()
    {
        var ids = await AnalyzerHarness.IdsAsync(Functions +
            "static class Producer { static TimeTickerEntity Make() => new() { Function = \"CleanUp\" }; }");

        Assert.Empty(ids);
    }
}
