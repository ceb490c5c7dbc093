using System.Collections.Concurrent;

namespace Ticker.Generators.Tests.Runtime;

public static class StaticGreetings
{
    public static ConcurrentQueue<GreetingRequest> Received { get; } = new();

    [TickerFunction("Tests.StaticGreet")]
    public static Task GreetAsync(TickerFunctionContext<GreetingRequest> context, CancellationToken cancellationToken)
    {
        Received.Enqueue(context.Request);

        return Task.CompletedTask;
    }
}
