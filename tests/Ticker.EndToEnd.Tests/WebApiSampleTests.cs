using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ticker.EndToEnd.Tests;

/// <summary>The web API sample as a real process on a loopback port, driven over HTTP.</summary>
public sealed partial class WebApiSampleTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ticker-webapi-").FullName;
    private readonly HttpClient _http = new();
    private readonly List<string> _output = [];
    private Process _api = null!;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "exec", Path.Combine(AppContext.BaseDirectory, "Ticker.WebApi.dll"),
                "--urls", "http://127.0.0.1:0",
                "--Ticker:SqlitePath", Path.Combine(_directory, "jobs.db"),
                "--contentRoot", _directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _api = Process.Start(start)!;
        _api.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            lock (_output)
            {
                _output.Add(text);
            }

            if (ListeningOn().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        _api.BeginOutputReadLine();
        _api.BeginErrorReadLine();
        _http.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (!_api.HasExited)
        {
            _api.Kill(entireProcessTree: true);
            await _api.WaitForExitAsync();
        }

        _api.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Registering_a_user_schedules_the_welcome_email_which_runs_once_rescheduled_to_now()
    {
        var registered = await ReadAsync(await _http.PostAsJsonAsync("/users", new { email = "ada@example.com" }));
        var ticker = registered.GetProperty("welcomeEmailTicker").GetGuid();

        var scheduled = await ReadAsync(await _http.GetAsync($"/tickers/{ticker}"));
        Assert.Equal(("SendWelcomeEmail", "Idle"), (Text(scheduled, "function"), Text(scheduled, "status")));
        Assert.True(scheduled.GetProperty("executionTime").GetDateTime() > DateTime.UtcNow.AddMinutes(4));

        await ReadAsync(await _http.PutAsJsonAsync(
            $"/tickers/{ticker}/execution-time", new { executionTime = DateTime.UtcNow.AddMilliseconds(200) }));

        var done = await WaitForStatusAsync(ticker, "Done");
        Assert.True(done.GetProperty("executedAt").GetDateTime() >= done.GetProperty("executionTime").GetDateTime());
        Assert.Single(Output(), line =>
            line == $"Welcome e-mail sent to ada@example.com (user {registered.GetProperty("userId").GetGuid()})");
    }

    [Fact]
    public async Task A_finished_ticker_cannot_be_rescheduled_and_bad_input_gets_a_clear_error()
    {
        var registered = await ReadAsync(await _http.PostAsJsonAsync("/users", new { email = "grace@example.com" }));
        var ticker = registered.GetProperty("welcomeEmailTicker").GetGuid();
        await ReadAsync(await _http.PutAsJsonAsync(
            $"/tickers/{ticker}/execution-time", new { executionTime = DateTime.UtcNow }));
        await WaitForStatusAsync(ticker, "Done");

        var moveDone = await _http.PutAsJsonAsync(
            $"/tickers/{ticker}/execution-time", new { executionTime = DateTime.UtcNow.AddDays(1) });
        var noEmail = await _http.PostAsJsonAsync("/users", new { email = "" });
        var unknown = await _http.GetAsync($"/tickers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Conflict, moveDone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEmail.StatusCode);
        Assert.Contains("An e-mail address is required.", await noEmail.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Done", Text(await ReadAsync(await _http.GetAsync($"/tickers/{ticker}")), "status"));
    }

    private async Task<JsonElement> WaitForStatusAsync(Guid ticker, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var read = await ReadAsync(await _http.GetAsync($"/tickers/{ticker}"));
            if (Text(read, "status") == status)
            {
                return read;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Ticker {ticker} is {Text(read, "status")}, not {status}.");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private List<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
