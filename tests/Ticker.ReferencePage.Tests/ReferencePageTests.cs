using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker.ReferencePage.Tests;

/// <summary>The reference page's examples, as written, run against Ticker on a real SQLite file.</summary>
public sealed class ReferencePageTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ticker-reference-").FullName;
    private readonly LogCapture _logs = new();
    private IHost _host = null!;

    private ReferencePageController Controller => _host.Services.GetRequiredService<ReferencePageController>();

    private Inbox Inbox => _host.Services.GetRequiredService<Inbox>();

    private ITickerPersistenceProvider<TimeTickerEntity> Tickers =>
        _host.Services.GetRequiredService<ITickerPersistenceProvider<TimeTickerEntity>>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.AddTicker().UseSqliteStore(Path.Combine(_directory, "jobs.db"));
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton<ReferencePageController>();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_AddAsync_example_schedules_SendEmail_five_minutes_ahead_with_three_retries()
    {
        var before = DateTime.UtcNow;

        var result = await Controller.AddExampleAsync(new EmailRequest { Email = "ada@example.com" });

        Assert.True(result.IsSucceeded, result.Exception?.ToString());
        var stored = await Tickers.GetTimeTickerByIdAsync(result.Result!.Id);
        Assert.NotNull(stored);
        Assert.Equal(("SendEmail", TickerStatus.Idle, 3), (stored.Function, stored.Status, stored.Retries));
        Assert.Equal([60, 300, 900], stored.RetryIntervals!);
        Assert.InRange(stored.ExecutionTime!.Value, before.AddMinutes(5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal("ada@example.com", TickerHelper.ReadTickerRequest<EmailRequest>(stored.Request).Email);
    }

    [Fact]
    public async Task RegisterUser_answers_Ok_and_its_welcome_email_runs_once_RescheduleJob_moves_it_to_now()
    {
        var answer = await Controller.RegisterUser(new UserRegistrationDto("grace@example.com"));

        Assert.IsType<OkResult>(answer);
        var user = Assert.Single(Controller.Users);
        var welcome = new TimeTickerQuery { Function = "SendWelcomeEmail" };
        var ticker = Assert.Single((await Tickers.GetTimeTickersAsync(welcome)).Items);
        Assert.True(ticker.ExecutionTime > DateTime.UtcNow.AddMinutes(4), "The welcome e-mail is due in five minutes.");

        await Controller.RescheduleJob(ticker.Id, DateTime.UtcNow.AddMilliseconds(200));

        var done = await WaitForStatusAsync(ticker.Id, TickerStatus.Done);
        var (function, request) = Assert.Single(Inbox.Sent);
        Assert.Equal(("SendWelcomeEmail", user.Id, user.Email), (function, request.UserId, request.Email));
        Assert.True(done.ExecutedAt >= done.ExecutionTime, "The e-mail was sent before its new due time.");
    }

    [Fact]
    public async Task RescheduleJob_leaves_a_job_that_is_no_longer_idle_alone()
    {
        var added = await Controller.AddExampleAsync(new EmailRequest { Email = "ada@example.com" });
        await Controller.RescheduleJob(added.Result!.Id, DateTime.UtcNow);
        await WaitForStatusAsync(added.Result.Id, TickerStatus.Done);

        await Controller.RescheduleJob(added.Result.Id, DateTime.UtcNow.AddDays(1));

        var stored = await Tickers.GetTimeTickerByIdAsync(added.Result.Id);
        Assert.Equal(TickerStatus.Done, stored!.Status);
        Assert.True(stored.ExecutionTime < DateTime.UtcNow, "A finished job was moved.");
        Assert.Single(Inbox.Sent);
    }

    [Fact]
    public async Task The_error_handling_example_logs_a_validation_error_and_nothing_is_stored()
    {
        // Built at run time: the analyzers reject a misspelt name written as a constant (TICK0301).
        var misspelt = string.Join(string.Empty, "SendWelcome", "Emial");

        await Controller.AddCheckedAsync(new TimeTickerEntity { Function = misspelt, ExecutionTime = DateTime.UtcNow });

        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.StartsWith("Validation error: ", warning.Message);
        Assert.Contains("'SendWelcomeEmial' is not a registered ticker function", warning.Message);
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Error);
        Assert.Equal(0, (await Tickers.GetTimeTickersAsync(new TimeTickerQuery())).TotalCount);
    }

    private async Task<TimeTickerEntity> WaitForStatusAsync(Guid id, TickerStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var stored = await Tickers.GetTimeTickerByIdAsync(id);
            if (stored?.Status == status)
            {
                return stored;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Ticker {id} is {stored?.Status}, not {status}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Keeps what the app logs at Warning and above.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => _entries;

        public ILogger CreateLogger(string categoryName) => new Logger(_entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
