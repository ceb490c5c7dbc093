namespace Ticker.Generators.Tests.Runtime;

public sealed record GreetingRequest(string Name, int Times);
