namespace Ticker.Sample;

/// <summary>Stands in for an e-mail service; a scoped dependency of a job class, built by generated code.</summary>
public sealed class Mailer
{
    public Task SendAsync(string to, string subject, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{Clock.Stamp()}   mail to {to}: {subject}");
        return Task.Delay(10, cancellationToken);
    }
}
