using System.Diagnostics;

namespace Ticker.EndToEnd.Tests;

public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_shows_every_pattern_and_exits_by_itself_with_code_zero()
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Ticker.Sample.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var sample = Process.Start(start)!;
        var output = sample.StandardOutput.ReadToEndAsync();
        var errors = sample.StandardError.ReadToEndAsync();

        Assert.True(sample.WaitForExit(TimeSpan.FromSeconds(60)), "The sample did not exit within 60 s.");
        var text = await output;
        Assert.True(sample.ExitCode == 0, $"Exit code {sample.ExitCode}.\n{text}\n{await errors}");
        Assert.Contains("SendWelcomeEmail runs for user", text);
        Assert.Contains("SendReminder rescheduled from tomorrow to +3 s", text);
        Assert.Contains("Validation error, as expected: Function: 'SendWelcomeEmial' is not a registered ticker function; did you mean 'SendWelcomeEmail'?", text);
        Assert.Contains("FlakyImport attempt 2 fails", text);
        Assert.Contains("FlakyImport attempt 3 succeeds", text);
        Assert.Contains("SendReceipt runs after ChargeCard succeeded", text);
        Assert.DoesNotContain("RefundNotice runs", text);
        Assert.Matches(@"FlakyImport\s+Done\s+retries used: 2", text);
        Assert.Matches(@"RefundNotice\s+Skipped", text);
    }
}
