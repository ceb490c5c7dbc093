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

    /// <summary>The outcome that ends a claimed row as done, under its fence.</summary>
    public static TickerCompletion Done(TickerRecord row) =>
        new(row.Id, row.Fence, TickerStatus.Done, row.RetryCount, row.ExecutionTime, row.LockedAt, 1, null);

    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> if that is higher, from any thread: the
    /// peak of a count that several racing tasks change.</summary>
    public static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }
}
