namespace Ticker.EndToEnd.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_shows_every_pattern_and_exits_by_itself_with_code_zero()
    {
        var (exitCode, text) = await ChildProcess.RunAsync(
            "dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Ticker.Sample.dll")], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{text}");
        Assert.Contains("SendWelcomeEmail runs for user", text);
        Assert.Contains("SendReminder rescheduled from tomorrow to +3 s", text);
        Assert.Contains(
            "Validation error, as expected: Function: 'SendWelcomeEmial' is not a registered ticker function; " +
            "did you mean 'SendWelcomeEmail'?",
            text);
        Assert.Contains("FlakyImport attempt 2 fails", text);
        Assert.Contains("FlakyImport attempt 3 succeeds", text);
        Assert.Contains("SendReceipt runs after ChargeCard succeeded", text);
        Assert.DoesNotContain("RefundNotice runs", text);
        Assert.Matches(@"FlakyImport\s+Done\s+retries used: 2", text);
        Assert.Matches(@"RefundNotice\s+Skipped", text);
    }
}
