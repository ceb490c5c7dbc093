using System.Collections.Concurrent;

namespace Ticker.Generators.Tests.Runtime;

public sealed class GreetingLog : IGreetingLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Add(string line) => Lines.Enqueue(line);
}
