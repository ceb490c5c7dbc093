namespace Ticker.PostgreSql.Tests.Support;

/// <summary>Records for tests that talk to the store directly.</summary>
internal static class Tickers
{
    public static TickerRecord Due(DateTime at, string function = "Work") => new()
    {
        Id = Guid.CreateVersion7(),
        Function = function,
        ExecutionTime = at,
        Request = [1, 2, 3],
        CreatedAt = at,
        UpdatedAt = at,
    };

    public static TickerRecord[] Many(int count, DateTime at) => [.. Enumerable.Range(0, count).Select(_ => Due(at))];

    public static TickerClaim Claim(string owner, DateTime dueBefore, int maxCount = 100, double leaseSeconds = 30) =>
        new(owner, dueBefore, maxCount, TimeSpan.FromSeconds(leaseSeconds));
}
