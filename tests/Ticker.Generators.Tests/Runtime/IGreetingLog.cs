namespace Ticker.Generators.Tests.Runtime;

public interface IGreetingLog
{
    void Add(string line);
}
