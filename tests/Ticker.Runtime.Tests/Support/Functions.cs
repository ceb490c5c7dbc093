using System.Collections.Concurrent;

namespace Ticker.Tests.Support;

/// <summary>Hand-written function descriptors of the shape the generator emits.</summary>
internal static class Functions
{
    public static TickerFunctionDescriptor Recording(string name, ConcurrentQueue<TickerFunctionContext> runs) =>
        new(name, (context, _) =>
        {
            runs.Enqueue(context);
            return ValueTask.CompletedTask;
        });

    public static TickerFunctionDescriptor Throwing(string name, Func<int, bool> failsOnAttempt) =>
        new(name, (context, _) => failsOnAttempt(context.RetryCount)
            ? throw new InvalidOperationException($"attempt {context.RetryCount} failed on purpose")
            : ValueTask.CompletedTask);

    public static TickerFunctionDescriptor Noop(string name) => new(name, (_, _) => ValueTask.CompletedTask);
}
