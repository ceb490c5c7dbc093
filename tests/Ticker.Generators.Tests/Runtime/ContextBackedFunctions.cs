using System.Collections.Concurrent;

namespace Ticker.Generators.Tests.Runtime;

public static class ContextBackedFunctions
{
    public static ConcurrentQueue<string> Received { get; } = new();

    [TickerFunction("Tests.ContextBacked")]
    public static ValueTask RunAsync(TickerFunctionContext<ContextBackedRequest> context)
    {
        Received.Enqueue(context.Request.Kind + ":" + context.Request.Payload.GetRawText());

        return ValueTask.CompletedTask;
    }
}
