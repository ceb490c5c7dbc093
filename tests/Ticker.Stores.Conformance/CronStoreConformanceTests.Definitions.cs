namespace Ticker.Stores.Conformance;

/// <summary>Cron definitions: insert, update, delete, reads and seeding.</summary>
public abstract partial class CronStoreConformanceTests
{
    [Fact]
    public async Task A_cron_reads_back_with_every_field()
    {
        var cron = await AddCronAsync();

        var read = await Crons.GetCronAsync(cron.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(
            (cron.Function, cron.Expression, cron.Retries, cron.IsEnabled, cron.TimeZone, cron.Description, cron.Misfire,
                cron.Overlap, cron.CreatedAt, cron.UpdatedAt),
            (read.Function, read.Expression, read.Retries, read.IsEnabled, read.TimeZone, read.Description, read.Misfire,
                read.Overlap, read.CreatedAt, read.UpdatedAt));
        Assert.Equal(cron.Request, read.Request);
        Assert.Equal(cron.RetryIntervals, read.RetryIntervals);
    }

    [Fact]
    public async Task Insert_of_an_existing_cron_id_is_refused_whole()
    {
        var cron = await AddCronAsync();
        var other = NewCron("Other");

        var result = await Crons.InsertCronsAsync([other, cron], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.DuplicateId, 1), result);
        Assert.Null(await Crons.GetCronAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Update_of_a_missing_cron_is_refused()
    {
        var result = await Crons.UpdateCronsAsync([NewCron()], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotFound, 0), result);
    }

    [Fact]
    public async Task Update_replaces_the_definition_and_keeps_creation_time_and_seed_key()
    {
        var cron = await AddCronAsync(NewCron(seedKey: "Cleanup"));
        var changed = cron.Clone();
        changed.Expression = "*/10 * * * *";
        changed.IsEnabled = false;
        changed.CreatedAt = Now.AddDays(1);
        changed.SeedKey = null;
        changed.UpdatedAt = Now.AddMinutes(1);

        await Crons.UpdateCronsAsync([changed], CancellationToken.None);

        var read = await Crons.GetCronAsync(cron.Id, CancellationToken.None);
        Assert.Equal(("*/10 * * * *", false, cron.CreatedAt, "Cleanup", Now.AddMinutes(1)),
            (read!.Expression, read.IsEnabled, read.CreatedAt, read.SeedKey, read.UpdatedAt));
    }

    [Fact]
    public async Task Enabled_crons_leave_out_disabled_ones()
    {
        var enabled = await AddCronAsync();
        var disabled = NewCron("Paused");
        disabled.IsEnabled = false;
        await AddCronAsync(disabled);

        var read = await Crons.GetEnabledCronsAsync(CancellationToken.None);

        Assert.Equal([enabled.Id], read.Select(cron => cron.Id));
    }

    [Fact]
    public async Task Crons_are_paged_by_creation_time()
    {
        var first = await AddCronAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await AddCronAsync(NewCron("Second"));

        var page = await Crons.QueryCronsAsync(1, 10, CancellationToken.None);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([second.Id], page.Items.Select(cron => cron.Id));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Seeding_twice_at_once_creates_one_cron()
    {
        var first = NewCron(seedKey: "Cleanup");
        var second = NewCron(seedKey: "Cleanup");

        var written = await Task.WhenAll(
            Crons.SeedCronAsync(first, CancellationToken.None),
            Crons.SeedCronAsync(second, CancellationToken.None));

        Assert.Equal(1, written.Count(applied => applied));
        Assert.Equal(1, (await Crons.QueryCronsAsync(0, 10, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Seeding_a_changed_expression_updates_it_and_removes_the_pending_occurrence()
    {
        var cron = NewCron(seedKey: "Cleanup");
        await Crons.SeedCronAsync(cron, CancellationToken.None);
        var pending = NewOccurrence(cron, TimeSpan.FromMinutes(5));
        await InsertOccurrencesAsync(pending);
        var declared = NewCron(seedKey: "Cleanup");
        declared.Expression = "0 0 * * * *";

        Assert.True(await Crons.SeedCronAsync(declared, CancellationToken.None));
        Assert.False(await Crons.SeedCronAsync(declared, CancellationToken.None));

        Assert.Equal("0 0 * * * *", (await Crons.GetCronAsync(cron.Id, CancellationToken.None))!.Expression);
        Assert.Null(await Store.GetAsync(pending.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Update_removes_pending_occurrences_but_keeps_retries_runs_by_hand_and_finished_ones()
    {
        var cron = await AddCronAsync();
        var finished = NewOccurrence(cron, TimeSpan.Zero);
        var retrying = NewOccurrence(cron, TimeSpan.FromMinutes(1));
        retrying.RetryCount = 1;
        var byHand = NewOccurrence(cron, TimeSpan.FromMinutes(2), scheduled: false);
        var pending = NewOccurrence(cron, TimeSpan.FromMinutes(5));
        await InsertOccurrencesAsync(finished, retrying, byHand, pending);
        await FinishAsync(Assert.Single(await ClaimAsync()));

        await Crons.UpdateCronsAsync([cron], CancellationToken.None);

        Assert.Null(await Store.GetAsync(pending.Id, CancellationToken.None));
        Assert.Equal(3, (await Crons.QueryOccurrencesAsync(cron.Id, 0, 10, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Delete_removes_the_cron_and_its_idle_occurrences_but_keeps_finished_ones_readable()
    {
        var cron = await AddCronAsync();
        var finished = NewOccurrence(cron, TimeSpan.Zero);
        var pending = NewOccurrence(cron, TimeSpan.FromMinutes(5));
        await InsertOccurrencesAsync(finished, pending);
        await FinishAsync(Assert.Single(await ClaimAsync()));

        var result = await Crons.DeleteCronsAsync([cron.Id], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Applied(1), result);
        Assert.Null(await Crons.GetCronAsync(cron.Id, CancellationToken.None));
        var history = await Crons.QueryOccurrencesAsync(cron.Id, 0, 10, CancellationToken.None);
        Assert.Equal([finished.Id], history.Items.Select(row => row.Id));
        Assert.Equal(TickerStatus.Done, history.Items[0].Status);
    }

    [Fact]
    public async Task Delete_of_a_missing_cron_is_refused_whole()
    {
        var cron = await AddCronAsync();

        var result = await Crons.DeleteCronsAsync([cron.Id, Guid.NewGuid()], CancellationToken.None);

        Assert.Equal(StoreWriteResult.Refused(StoreWriteFailure.NotFound, 1), result);
        Assert.NotNull(await Crons.GetCronAsync(cron.Id, CancellationToken.None));
    }
}
