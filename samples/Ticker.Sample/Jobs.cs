namespace Ticker.Sample;

/// <summary>The sample's ticker functions. An instance class: the generator builds it from the run's DI scope.</summary>
public sealed class Jobs(Mailer mailer)
{
    [TickerFunction("SendWelcomeEmail")]
    public async Task SendWelcomeEmailAsync(TickerFunctionContext<EmailRequest> context, CancellationToken token)
    {
        Console.WriteLine($"{Clock.Stamp()} SendWelcomeEmail runs for user {context.Request.UserId}");
        await mailer.SendAsync(context.Request.Email, "Welcome!", token);
    }

    [TickerFunction("SendReminder")]
    public Task SendReminderAsync(TickerFunctionContext<EmailRequest> context, CancellationToken token)
    {
        Console.WriteLine($"{Clock.Stamp()} SendReminder runs (it was rescheduled)");
        return mailer.SendAsync(context.Request.Email, "Don't forget", token);
    }

    [TickerFunction("ChargeCard", Priority = TickerPriority.High)]
    public static ValueTask ChargeCard(TickerFunctionContext<PaymentRequest> context)
    {
        Console.WriteLine($"{Clock.Stamp()} ChargeCard charges {context.Request.Amount} for {context.Request.OrderId}");
        return ValueTask.CompletedTask;
    }

    [TickerFunction("SendReceipt")]
    public static void SendReceipt(TickerFunctionContext<PaymentRequest> context) =>
        Console.WriteLine($"{Clock.Stamp()} SendReceipt runs after ChargeCard succeeded ({context.Request.OrderId})");

    [TickerFunction("RefundNotice")]
    public static void RefundNotice(TickerFunctionContext<PaymentRequest> context) =>
        Console.WriteLine($"{Clock.Stamp()} RefundNotice runs (only when ChargeCard fails)");

    [TickerFunction("FlakyImport")]
    public static void FlakyImport(TickerFunctionContext context)
    {
        if (context.RetryCount < 2)
        {
            Console.WriteLine($"{Clock.Stamp()} FlakyImport attempt {context.RetryCount + 1} fails");
            throw new InvalidOperationException($"The import source is down (attempt {context.RetryCount + 1}).");
        }

        Console.WriteLine($"{Clock.Stamp()} FlakyImport attempt {context.RetryCount + 1} succeeds");
    }
}
