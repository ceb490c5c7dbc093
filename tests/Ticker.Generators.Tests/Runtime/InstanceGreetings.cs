namespace Ticker.Generators.Tests.Runtime;

public sealed class InstanceGreetings(IGreetingLog log) : IDisposable
{
    private static int s_disposed;

    public static int Disposed => Volatile.Read(ref s_disposed);

    [TickerFunction("Tests.InstanceGreet", Priority = TickerPriority.High)]
    public void Greet(TickerFunctionContext<GreetingRequest> context)
    {
        for (var i = 0; i < context.Request.Times; i++)
        {
            log.Add($"Hello {context.Request.Name} ({context.FunctionName})");
        }
    }

    public void Dispose() => Interlocked.Increment(ref s_disposed);
}
