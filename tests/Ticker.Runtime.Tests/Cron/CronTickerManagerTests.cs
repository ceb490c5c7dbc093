using Ticker.Tests.Support;

namespace Ticker.Tests.Cron;

/// <summary>The cron manager validates every path and reports failures as results.</summary>
public sealed class CronTickerManagerTests : IAsyncLifetime
{
    private TickerTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TickerTestHost.StartAsync(t => t.AddFunction(Functions.Noop("Cleanup")));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("61 * * * *")]
    [InlineData("0 0 * * * * *")]
    [InlineData("")]
    [InlineData("every day")]
    public async Task An_invalid_expression_is_refused(string expression)
    {
        var result = await _host.Crons().AddAsync(new CronTickerEntity { Function = "Cleanup", Expression = expression });

        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal((nameof(CronTickerEntity.Expression), (int?)null), (error.Field, error.Index));
        Assert.False(result.IsSucceeded);
    }

    [Theory]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 ? * 5#3")]
    [InlineData("0 0 1W * *")]
    [InlineData("@daily")]
    [InlineData("*/15 * * * * *")]
    [InlineData("0 0 12 * JAN,JUL SUN")]
    public async Task Every_form_Cronos_accepts_is_taken(string expression)
    {
        var result = await _host.Crons().AddAsync(new CronTickerEntity { Function = "Cleanup", Expression = expression });

        Assert.True(result.IsSucceeded, result.Exception?.ToString());
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused()
    {
        var result = await _host.Crons().AddAsync(
            new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *", TimeZone = "Mars/Olympus" });

        Assert.Equal(nameof(CronTickerEntity.TimeZone), Assert.IsType<TickerValidatorException>(result.Exception).Field);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("W. Europe Standard Time")]
    public async Task IANA_and_Windows_zone_ids_are_taken(string zone)
    {
        var result = await _host.Crons().AddAsync(
            new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *", TimeZone = zone });

        Assert.True(result.IsSucceeded, result.Exception?.ToString());
    }

    [Fact]
    public async Task An_unknown_function_is_refused()
    {
        var result = await _host.Crons().AddAsync(new CronTickerEntity { Function = "Cleanpu", Expression = "0 0 * * *" });

        var error = Assert.IsType<TickerValidatorException>(result.Exception);
        Assert.Equal(nameof(CronTickerEntity.Function), error.Field);
        Assert.Contains("did you mean 'Cleanup'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_refuses_an_invalid_expression_and_an_unknown_zone()
    {
        var from = TickerTestHost.Start.UtcDateTime;

        Assert.ThrowsAny<FormatException>(() => CronSchedule.Preview("0 0 * *", null, from, 3));
        Assert.Throws<TimeZoneNotFoundException>(() => CronSchedule.Preview("0 0 * * *", "Mars/Olympus", from, 3));
    }

    [Fact]
    public void Preview_reads_the_expression_in_the_zone_and_UTC_without_one()
    {
        var from = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

        var berlin = CronSchedule.Preview("0 9 * * *", "W. Europe Standard Time", from, 2);
        var utc = CronSchedule.Preview("0 9 * * *", null, from, 1);

        Assert.Equal([from.AddHours(7), from.AddHours(31)], berlin.Select(occurrence => occurrence.Utc));
        Assert.Equal(TimeSpan.FromHours(2), berlin[0].Local.Offset);
        Assert.Equal(from.AddHours(9), Assert.Single(utc).Utc);
    }

    [Fact]
    public async Task A_batch_names_the_first_invalid_item_and_writes_nothing()
    {
        var good = new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *" };
        var bad = new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * *" };

        var result = await _host.Crons().AddBatchAsync([good, bad]);

        Assert.Equal(1, Assert.IsType<TickerValidatorException>(result.Exception).Index);
        Assert.Equal(0, (await _host.CronReads().GetCronTickersAsync(0, 10)).TotalCount);
    }

    [Fact]
    public async Task An_update_is_validated_like_an_add()
    {
        var cron = await _host.AddCronAsync(new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *" });
        cron.Expression = "0 0 32 * *";

        var result = await _host.Crons().UpdateAsync(cron);

        Assert.Equal(nameof(CronTickerEntity.Expression),
            Assert.IsType<TickerValidatorException>(result.Exception).Field);
        var stored = await _host.CronReads().GetCronTickerByIdAsync(cron.Id);
        Assert.Equal("0 0 * * *", stored!.Expression);
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_cron_is_refused()
    {
        var missing = new CronTickerEntity { Id = Guid.NewGuid(), Function = "Cleanup", Expression = "0 0 * * *" };

        var update = await _host.Crons().UpdateAsync(missing);
        var delete = await _host.Crons().DeleteAsync(missing.Id);
        var runNow = await _host.Crons().RunNowAsync(missing.Id);

        Assert.All([update.Exception, delete.Exception, runNow.Exception],
            error => Assert.Equal(nameof(CronTickerEntity.Id), Assert.IsType<TickerValidatorException>(error).Field));
    }

    [Fact]
    public async Task A_store_without_cron_support_fails_every_call_with_NotSupported()
    {
        await using var host = await TickerTestHost.StartAsync(
            t => t.AddFunction(Functions.Noop("Cleanup")), wrapStore: store => new CountingStore(store));

        var result = await host.Crons().AddAsync(new CronTickerEntity { Function = "Cleanup", Expression = "0 0 * * *" });

        Assert.IsType<NotSupportedException>(result.Exception);
    }

    [Fact]
    public async Task Add_fills_in_id_and_times_and_the_cron_reads_back()
    {
        var cron = await _host.AddCronAsync(new CronTickerEntity
        {
            Function = "Cleanup", Expression = " 0 0 * * * ", TimeZone = "Asia/Tokyo", Retries = 2, RetryIntervals = [5],
            Misfire = CronMisfirePolicy.Skip, Overlap = CronOverlapPolicy.Wait, Description = "nightly",
        });

        var read = await _host.CronReads().GetCronTickerByIdAsync(cron.Id);

        Assert.NotEqual(Guid.Empty, cron.Id);
        Assert.Equal(
            ("0 0 * * *", "Asia/Tokyo", 2, CronMisfirePolicy.Skip, CronOverlapPolicy.Wait, "nightly", _host.Now, false),
            (read!.Expression, read.TimeZone, read.Retries, read.Misfire, read.Overlap, read.Description, read.CreatedAt,
                read.IsSeeded));
    }
}
