namespace Ticker.WebApi;

/// <summary>The API's ticker function.</summary>
public static class Jobs
{
    [TickerFunction("SendWelcomeEmail")]
    public static async Task SendWelcomeEmailAsync(TickerFunctionContext<WelcomeEmail> context, CancellationToken token)
    {
        await Task.Delay(10, token);
        Console.WriteLine($"Welcome e-mail sent to {context.Request.Email} (user {context.Request.UserId})");
    }
}
