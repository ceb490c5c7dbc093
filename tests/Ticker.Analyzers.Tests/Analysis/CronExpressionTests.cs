using Ticker.Analyzers.Tests.Harness;

namespace Ticker.Analyzers.Tests.Analysis;

public sealed class CronExpressionTests
{
    [Theory]
    [InlineData("0 0 9 * * MON-FRI")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 9 * * 1-5")]
    [InlineData("30 */2 * * * *")]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 * * 5L")]
    [InlineData("0 0 1W * *")]
    [InlineData("0 0 * * MON#2")]
    [InlineData("@daily")]
    [InlineData("@every_minute")]
    [InlineData("%Crons:Nightly%")]
    [InlineData(" %Nightly% ")]
    public async Task An_expression_Cronos_accepts_is_not_reported(string cron)
    {
        var ids = await AnalyzerHarness.IdsAsync(Function(cron));

        Assert.DoesNotContain("TICK0101", ids);
    }

    [Theory]
    [InlineData("0 25 * * *")]
    [InlineData("every day")]
    [InlineData("* * * * * * *")]
    [InlineData("0 0 9 * * FUNDAY")]
    [InlineData("")]
    [InlineData("%Crons:Nightly")]
    [InlineData("%%")]
    [InlineData("%a% %b%")]
    public async Task An_expression_Cronos_refuses_is_reported_on_the_argument(string cron)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Function(cron));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TICK0101");
        Assert.Contains("\"" + cron + "\"", diagnostic.Location.SourceTree!.ToString()
            .Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length), StringComparison.Ordinal);
    }

    private static string Function(string cron) =>
        $"public static class Jobs {{ [TickerFunction(\"Nightly\", \"{cron}\")] public static void Run() {{ }} }}";
}
