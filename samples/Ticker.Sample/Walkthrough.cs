using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker.Sample;

/// <summary>
/// Walks through the reference page's patterns against the configured store (SQLite unless told otherwise), waits
/// until every job has ended, prints the outcome of each and stops the app.
/// </summary>
public sealed partial class Walkthrough(
    ITimeTickerManager<TimeTickerEntity> timeTickerManager,
    ITickerPersistenceProvider<TimeTickerEntity> persistenceProvider,
    IHostApplicationLifetime lifetime,
    ILogger<Walkthrough> logger) : BackgroundService
{
    private readonly List<Guid> _scheduled = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterUserAsync("ada@example.com", stoppingToken);
        await RescheduleAsync(stoppingToken);
        await ShowValidationErrorAsync(stoppingToken);
        await ScheduleFlakyImportAsync(stoppingToken);
        await SchedulePaymentChainAsync(stoppingToken);
        await WaitForAllAsync(stoppingToken);
        lifetime.StopApplication();
    }

    /// <summary>"Schedule Job After User Action": a welcome e-mail two seconds after sign-up.</summary>
    private async Task RegisterUserAsync(string email, CancellationToken cancellationToken)
    {
        var result = await timeTickerManager.AddAsync(new TimeTickerEntity
        {
            Function = TickerFunctions.SendWelcomeEmail.Name,
            ExecutionTime = DateTime.UtcNow.AddSeconds(2),
            Request = TickerHelper.CreateTickerRequest(new EmailRequest { UserId = Guid.NewGuid(), Email = email }),
            Retries = 3,
            RetryIntervals = [60, 300, 900],
        }, cancellationToken);

        if (!result.IsSucceeded)
        {
            LogScheduleFailed(logger, result.Exception);
            return;
        }

        Track("SendWelcomeEmail scheduled for +2 s", result.Result!.Id);
    }

    /// <summary>"Reschedule Job": a reminder planned for tomorrow is moved to three seconds from now.</summary>
    private async Task RescheduleAsync(CancellationToken cancellationToken)
    {
        var added = await timeTickerManager.AddAsync(
            TickerFunctions.SendReminder.Create(
                new EmailRequest { Email = "ada@example.com" }, DateTime.UtcNow.AddDays(1)),
            cancellationToken);
        var job = await persistenceProvider.GetTimeTickerByIdAsync(added.Result!.Id, cancellationToken);

        if (job != null && job.Status == TickerStatus.Idle)
        {
            job.ExecutionTime = DateTime.UtcNow.AddSeconds(3);
            var result = await timeTickerManager.UpdateAsync(job, cancellationToken);

            if (result.IsSucceeded)
            {
                Track("SendReminder rescheduled from tomorrow to +3 s", job.Id);
            }
        }
    }

    /// <summary>"Error Handling": a misspelt function name comes back as a validation failure, not an exception.
    /// </summary>
    private async Task ShowValidationErrorAsync(CancellationToken cancellationToken)
    {
        var ticker = new TimeTickerEntity { Function = "SendWelcomeEmial", ExecutionTime = DateTime.UtcNow };
        var result = await timeTickerManager.AddAsync(ticker, cancellationToken);

        if (!result.IsSucceeded)
        {
            switch (result.Exception)
            {
                case TickerValidatorException ex:
                    Console.WriteLine($"{Clock.Stamp()} Validation error, as expected: {ex.Message}");
                    break;
                default:
                    LogScheduleFailed(logger, result.Exception);
                    break;
            }
        }
    }

    /// <summary>A job that fails twice and succeeds on its third attempt, one second apart.</summary>
    private async Task ScheduleFlakyImportAsync(CancellationToken cancellationToken)
    {
        var result = await timeTickerManager.AddAsync(new TimeTickerEntity
        {
            Function = TickerFunctions.FlakyImport.Name,
            Retries = 3,
            RetryIntervals = [1],
        }, cancellationToken);

        Track("FlakyImport scheduled now with 3 retries, 1 s apart", result.Result!.Id);
    }

    /// <summary>A chain: SendReceipt runs when ChargeCard succeeds; RefundNotice only if it fails, so it is skipped.
    /// </summary>
    private async Task SchedulePaymentChainAsync(CancellationToken cancellationToken)
    {
        var payment = new PaymentRequest("order-42", 19.99m);
        var charge = TickerFunctions.ChargeCard.Create(payment, DateTime.UtcNow.AddSeconds(1));
        var receipt = TickerFunctions.SendReceipt.Create(payment);
        receipt.RunCondition = RunCondition.OnSuccess;
        var refund = TickerFunctions.RefundNotice.Create(payment);
        refund.RunCondition = RunCondition.OnFailure;
        charge.Children = [receipt, refund];

        await timeTickerManager.AddAsync(charge, cancellationToken);

        Track("ChargeCard chain scheduled for +1 s", charge.Id, receipt.Id, refund.Id);
    }

    private void Track(string what, params Guid[] ids)
    {
        Console.WriteLine($"{Clock.Stamp()} {what}");
        _scheduled.AddRange(ids);
    }

    private async Task WaitForAllAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var tickers = await ReadAllAsync(cancellationToken);
            if (tickers.All(t => t.Status is not (TickerStatus.Idle or TickerStatus.InProgress)))
            {
                PrintOutcomes(tickers);
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        Console.WriteLine("Some jobs did not end within 30 s.");
        Environment.ExitCode = 1;
    }

    private async Task<List<TimeTickerEntity>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var tickers = new List<TimeTickerEntity>();
        foreach (var id in _scheduled)
        {
            tickers.Add((await persistenceProvider.GetTimeTickerByIdAsync(id, cancellationToken))!);
        }

        return tickers;
    }

    private static void PrintOutcomes(List<TimeTickerEntity> tickers)
    {
        Console.WriteLine($"{Clock.Stamp()} Every job has ended:");
        foreach (var ticker in tickers)
        {
            Console.WriteLine($"    {ticker.Function,-17} {ticker.Status,-9} retries used: {ticker.RetryCount}");
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Failed to schedule a job")]
    private static partial void LogScheduleFailed(ILogger logger, Exception? exception);
}
