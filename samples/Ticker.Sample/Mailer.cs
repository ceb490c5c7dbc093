namespace Ticker.Sample;

/// <summary>Stands in for an e-mail service: a dependency of a job class, supplied by DI to generated code.</summary>
public sealed class Mailer
{
    private int _sent;

    public Task SendAsync(string to, string subject, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _sent);
        Console.WriteLine($"{Clock.Stamp()}   mail #{number} to {to}: {subject}");
        return Task.Delay(10, cancellationToken);
    }
}
