namespace Ticker.Stores.Conformance;

/// <summary>Cron occurrences: insert-or-ignore keys, reads and the overlap rules of the claim.</summary>
public abstract partial class CronStoreConformanceTests
{
    [Fact]
    public async Task An_occurrence_reads_back_with_its_cron_fields()
    {
        var cron = await AddCronAsync();
        var occurrence = NewOccurrence(cron, TimeSpan.FromMinutes(5), CronOverlapPolicy.Skip);

        await InsertOccurrencesAsync(occurrence);

        var read = await GetAsync(occurrence.Id);
        Assert.Equal((cron.Id, occurrence.CronTime, CronOverlapPolicy.Skip),
            (read.CronTickerId, read.CronTime, read.CronOverlap));
    }

    [Fact]
    public async Task The_time_ticker_query_lists_time_tickers_but_not_occurrences()
    {
        var cron = await AddCronAsync();
        await InsertOccurrencesAsync(NewOccurrence(cron, TimeSpan.Zero), NewOccurrence(cron, TimeSpan.FromMinutes(5)));
        var ticker = NewOccurrence(cron, TimeSpan.Zero);
        ticker.CronTickerId = null;
        ticker.CronTime = null;
        Assert.Equal(StoreWriteResult.Applied(1), await Store.InsertAsync([ticker], CancellationToken.None));

        var page = await Store.QueryAsync(new TimeTickerQuery { Function = cron.Function }, CancellationToken.None);

        Assert.Equal(ticker.Id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task An_occurrence_of_an_existing_cron_time_is_ignored()
    {
        var cron = await AddCronAsync();
        var first = NewOccurrence(cron, TimeSpan.FromMinutes(5));
        var again = NewOccurrence(cron, TimeSpan.FromMinutes(5));
        var next = NewOccurrence(cron, TimeSpan.FromMinutes(10));

        Assert.Equal(1, await InsertOccurrencesAsync(first));
        Assert.Equal(1, await InsertOccurrencesAsync(again, next, first));

        Assert.Null(await Store.GetAsync(again.Id, CancellationToken.None));
        Assert.Equal(2, (await Crons.QueryOccurrencesAsync(cron.Id, 0, 10, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Runs_by_hand_have_no_cron_time_and_never_collide()
    {
        var cron = await AddCronAsync();

        var inserted = await InsertOccurrencesAsync(
            NewOccurrence(cron, TimeSpan.Zero, scheduled: false),
            NewOccurrence(cron, TimeSpan.Zero, scheduled: false));

        Assert.Equal(2, inserted);
        Assert.DoesNotContain(cron.Id, (await Crons.GetLastCronTimesAsync(CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task The_last_cron_time_is_the_latest_scheduled_occurrence_of_each_cron()
    {
        var cron = await AddCronAsync();
        var other = await AddCronAsync(NewCron("Other"));
        await InsertOccurrencesAsync(
            NewOccurrence(cron, TimeSpan.FromMinutes(5)),
            NewOccurrence(cron, TimeSpan.FromMinutes(10)),
            NewOccurrence(cron, TimeSpan.FromMinutes(20), scheduled: false),
            NewOccurrence(other, TimeSpan.FromMinutes(1)));

        var last = await Crons.GetLastCronTimesAsync(CancellationToken.None);

        Assert.Equal(Now.AddMinutes(10), last[cron.Id]);
        Assert.Equal(Now.AddMinutes(1), last[other.Id]);
    }

    [Fact]
    public async Task Overlap_Allow_claims_an_occurrence_while_another_of_its_cron_runs()
    {
        var cron = await AddCronAsync();
        await InsertOccurrencesAsync(NewOccurrence(cron, TimeSpan.Zero));
        Assert.Single(await ClaimAsync());
        var second = NewOccurrence(cron, TimeSpan.FromSeconds(1));
        await InsertOccurrencesAsync(second);

        var claimed = await ClaimAsync(Now.AddSeconds(1));

        Assert.Equal([second.Id], claimed.Select(row => row.Id));
    }

    [Fact]
    public async Task Overlap_Wait_holds_an_occurrence_until_the_running_one_ends()
    {
        var cron = await AddCronAsync();
        await InsertOccurrencesAsync(NewOccurrence(cron, TimeSpan.Zero, CronOverlapPolicy.Wait));
        var running = Assert.Single(await ClaimAsync());
        var waiting = NewOccurrence(cron, TimeSpan.FromSeconds(1), CronOverlapPolicy.Wait);
        await InsertOccurrencesAsync(waiting);
        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(await ClaimAsync());
        Assert.Equal(running.LeaseExpiry, await Store.GetNextWakeTimeAsync(CancellationToken.None));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(waiting.Id)).Status);

        await FinishAsync(running);
        Assert.Equal(waiting.ExecutionTime, await Store.GetNextWakeTimeAsync(CancellationToken.None));
        Assert.Equal([waiting.Id], (await ClaimAsync()).Select(row => row.Id));
    }

    [Fact]
    public async Task Overlap_Wait_claims_one_occurrence_of_a_cron_per_batch()
    {
        var cron = await AddCronAsync();
        var first = NewOccurrence(cron, TimeSpan.Zero, CronOverlapPolicy.Wait);
        var second = NewOccurrence(cron, TimeSpan.FromSeconds(1), CronOverlapPolicy.Wait);
        await InsertOccurrencesAsync(first, second);

        var claimed = await ClaimAsync(Now.AddSeconds(1));

        Assert.Equal([first.Id], claimed.Select(row => row.Id));
        Assert.Equal(TickerStatus.Idle, (await GetAsync(second.Id)).Status);
    }

    [Fact]
    public async Task Overlap_Skip_ends_an_occurrence_skipped_while_another_of_its_cron_runs()
    {
        var cron = await AddCronAsync();
        await InsertOccurrencesAsync(NewOccurrence(cron, TimeSpan.Zero, CronOverlapPolicy.Skip));
        Assert.Single(await ClaimAsync());
        var skipped = NewOccurrence(cron, TimeSpan.FromSeconds(1), CronOverlapPolicy.Skip);
        await InsertOccurrencesAsync(skipped);

        Assert.Empty(await ClaimAsync(Now.AddSeconds(1)));

        var read = await GetAsync(skipped.Id);
        Assert.Equal(TickerStatus.Skipped, read.Status);
        Assert.Equal(CronTickerOccurrence.OverlapSkippedReason, read.ExceptionMessage);
    }

    [Fact]
    public async Task Overlap_rules_are_per_cron()
    {
        var cron = await AddCronAsync();
        var other = await AddCronAsync(NewCron("Other"));
        await InsertOccurrencesAsync(NewOccurrence(cron, TimeSpan.Zero, CronOverlapPolicy.Wait));
        Assert.Single(await ClaimAsync());
        var otherOccurrence = NewOccurrence(other, TimeSpan.FromSeconds(1), CronOverlapPolicy.Wait);
        await InsertOccurrencesAsync(otherOccurrence);

        var claimed = await ClaimAsync(Now.AddSeconds(1));

        Assert.Equal([otherOccurrence.Id], claimed.Select(row => row.Id));
    }
}
