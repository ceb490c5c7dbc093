using System.Collections.Concurrent;

namespace Ticker.PostgreSql.Tests.Support;

/// <summary>Collects what a store's notifications report, and waits for a report.</summary>
internal sealed class DueRecorder
{
    private readonly ConcurrentQueue<DateTime> _reports = new();

    public IReadOnlyCollection<DateTime> Reports => _reports;

    public void Record(DateTime due) => _reports.Enqueue(due);

    public async Task<DateTime> WaitForAsync(Func<DateTime, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var report in _reports)
            {
                if (match(report))
                {
                    return report;
                }
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException(
            $"No matching notification; got [{string.Join(", ", _reports.Select(r => r.ToString("O")))}].");
    }
}
