namespace Ticker.Stores.Conformance;

/// <summary>Cron occurrences under function limits: they count toward their function's limit on every claim path,
/// the overlap-gated one included, and an occurrence held back by a limit stays idle.</summary>
public abstract partial class CronStoreConformanceTests
{
    [Fact]
    public async Task Occurrences_of_a_limited_function_are_claimed_only_up_to_its_limit()
    {
        var cron = await AddCronAsync();
        var occurrences = Enumerable.Range(1, 3)
            .Select(i => NewOccurrence(cron, TimeSpan.FromSeconds(-10 + i)))
            .ToArray();
        await InsertOccurrencesAsync(occurrences);

        var claimed = await ClaimLimitedAsync(2);

        Assert.Equal(occurrences.Take(2).Select(row => row.Id).ToHashSet(), claimed.Select(row => row.Id).ToHashSet());
        Assert.Equal(TickerStatus.Idle, (await GetAsync(occurrences[2].Id)).Status);
    }

    [Fact]
    public async Task Overlap_gated_occurrences_of_a_limited_function_share_its_limit_and_wait_idle()
    {
        var allow = await AddCronAsync();
        var wait = await AddCronAsync();
        var skip = await AddCronAsync();
        var first = NewOccurrence(allow, TimeSpan.FromSeconds(-3));
        var second = NewOccurrence(wait, TimeSpan.FromSeconds(-2), CronOverlapPolicy.Wait);
        var third = NewOccurrence(skip, TimeSpan.FromSeconds(-1), CronOverlapPolicy.Skip);
        await InsertOccurrencesAsync(first, second, third);

        var claimed = await ClaimLimitedAsync(2);

        Assert.Equal(new[] { first.Id, second.Id }.ToHashSet(), claimed.Select(row => row.Id).ToHashSet());
        Assert.Equal(TickerStatus.Idle, (await GetAsync(third.Id)).Status);
    }

    [Fact]
    public async Task A_running_gated_occurrence_counts_toward_its_function_limit()
    {
        var wait = await AddCronAsync();
        var skip = await AddCronAsync();
        await InsertOccurrencesAsync(NewOccurrence(wait, TimeSpan.FromSeconds(-5), CronOverlapPolicy.Wait));
        var running = Assert.Single(await ClaimLimitedAsync(1));
        var held = NewOccurrence(skip, TimeSpan.FromSeconds(-1), CronOverlapPolicy.Skip);
        await InsertOccurrencesAsync(held);

        Assert.Empty(await ClaimLimitedAsync(1));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(held.Id)).Status);

        await FinishAsync(running);
        Assert.Equal([held.Id], (await ClaimLimitedAsync(1)).Select(row => row.Id));
    }

    /// <summary>Claims everything due now with the crons' function (<c>Cleanup</c>) limited to
    /// <paramref name="limit"/>.</summary>
    private Task<IReadOnlyList<TickerRecord>> ClaimLimitedAsync(int limit) =>
        Store.ClaimDueAsync(
            new TickerClaim("node-a", Now, 100, TimeSpan.FromSeconds(30))
            {
                FunctionLimits = [new TickerFunctionLimit("Cleanup", limit)],
            },
            CancellationToken.None);
}
