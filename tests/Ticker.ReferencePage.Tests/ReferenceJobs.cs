using System.Collections.Concurrent;

namespace Ticker.ReferencePage.Tests;

/// <summary>The functions the page's examples name; each run leaves its request in the <see cref="Inbox"/>.</summary>
public sealed class ReferenceJobs(Inbox inbox)
{
    [TickerFunction("SendEmail")]
    public Task SendEmailAsync(TickerFunctionContext<EmailRequest> context, CancellationToken token)
    {
        inbox.Add("SendEmail", context.Request);
        return Task.CompletedTask;
    }

    [TickerFunction("SendWelcomeEmail")]
    public Task SendWelcomeEmailAsync(TickerFunctionContext<EmailRequest> context, CancellationToken token)
    {
        inbox.Add("SendWelcomeEmail", context.Request);
        return Task.CompletedTask;
    }
}

/// <summary>What the jobs were asked to send.</summary>
public sealed class Inbox
{
    private readonly ConcurrentQueue<(string Function, EmailRequest Request)> _sent = new();

    public IReadOnlyCollection<(string Function, EmailRequest Request)> Sent => _sent;

    public void Add(string function, EmailRequest request) => _sent.Enqueue((function, request));
}
