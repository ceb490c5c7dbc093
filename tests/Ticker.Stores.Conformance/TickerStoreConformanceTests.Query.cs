namespace Ticker.Stores.Conformance;

/// <summary>Reads: one ticker, or a filtered, ordered page.</summary>
public abstract partial class TickerStoreConformanceTests
{
    [Fact]
    public async Task Get_of_a_missing_id_returns_null()
    {
        await InsertAsync(NewTicker(TimeSpan.Zero));

        Assert.Null(await Store.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Query_filters_by_status()
    {
        var done = NewTicker(TimeSpan.Zero);
        var idle = NewTicker(TimeSpan.FromMinutes(1));
        await InsertAsync(done, idle);
        await RunToAsync(done, TickerStatus.Done);

        var page = await QueryAsync(new TimeTickerQuery { Status = TickerStatus.Done });

        Assert.Equal([done.Id], page.Items.Select(row => row.Id));
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task Query_filters_by_function()
    {
        var email = NewTicker(TimeSpan.Zero, "SendEmail");
        await InsertAsync(email, NewTicker(TimeSpan.Zero, "SendSms"), NewTicker(TimeSpan.Zero, "SendEmailLater"));

        var page = await QueryAsync(new TimeTickerQuery { Function = "SendEmail" });

        Assert.Equal([email.Id], page.Items.Select(row => row.Id));
    }

    [Fact]
    public async Task Query_includes_From_and_excludes_To()
    {
        var before = NewTicker(TimeSpan.FromMinutes(1));
        var atFrom = NewTicker(TimeSpan.FromMinutes(2));
        var inside = NewTicker(TimeSpan.FromMinutes(3));
        var atTo = NewTicker(TimeSpan.FromMinutes(4));
        await InsertAsync(before, atFrom, inside, atTo);

        var page = await QueryAsync(new TimeTickerQuery { From = atFrom.ExecutionTime, To = atTo.ExecutionTime });

        Assert.Equal([atFrom.Id, inside.Id], page.Items.Select(row => row.Id));
    }

    [Fact]
    public async Task Query_combines_every_filter()
    {
        var match = NewTicker(TimeSpan.FromMinutes(2), "A");
        var otherFunction = NewTicker(TimeSpan.FromMinutes(2), "B");
        var tooLate = NewTicker(TimeSpan.FromHours(2), "A");
        await InsertAsync(match, otherFunction, tooLate);

        var page = await QueryAsync(new TimeTickerQuery
        {
            Status = TickerStatus.Idle,
            Function = "A",
            From = Now,
            To = Now + TimeSpan.FromHours(1),
        });

        Assert.Equal([match.Id], page.Items.Select(row => row.Id));
    }

    [Fact]
    public async Task Query_orders_by_execution_time_then_id()
    {
        var tickers = Enumerable.Range(0, 12)
            .Select(i => NewTicker(TimeSpan.FromMinutes(i % 3)))
            .ToArray();
        await InsertAsync(tickers);

        var page = await QueryAsync(new TimeTickerQuery());

        var expected = tickers.OrderBy(row => row.ExecutionTime).ThenBy(row => row.Id).Select(row => row.Id);
        Assert.Equal(expected, page.Items.Select(row => row.Id));
    }

    [Fact]
    public async Task Query_pages_with_skip_and_take_and_reports_the_total_count()
    {
        var tickers = Enumerable.Range(0, 7).Select(i => NewTicker(TimeSpan.FromMinutes(i))).ToArray();
        await InsertAsync(tickers);

        var page = await QueryAsync(new TimeTickerQuery { Skip = 2, Take = 3 });

        Assert.Equal(tickers[2..5].Select(row => row.Id), page.Items.Select(row => row.Id));
        Assert.Equal(7, page.TotalCount);
    }

    [Fact]
    public async Task Query_past_the_last_page_returns_no_items_but_the_total_count()
    {
        await InsertAsync(NewTicker(TimeSpan.Zero), NewTicker(TimeSpan.Zero));

        var page = await QueryAsync(new TimeTickerQuery { Skip = 5 });

        Assert.Empty(page.Items);
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Query_returns_full_rows_with_their_request()
    {
        var ticker = NewTicker(TimeSpan.Zero);
        await InsertAsync(ticker);

        var row = Assert.Single((await QueryAsync(new TimeTickerQuery())).Items);

        Assert.Equal(ticker.Request, row.Request);
        Assert.Equal(ticker.RetryIntervals, row.RetryIntervals);
        Assert.Equal(ticker.TraceParent, row.TraceParent);
    }

    private Task<TickerPage<TickerRecord>> QueryAsync(TimeTickerQuery query) =>
        Store.QueryAsync(query, CancellationToken.None);
}
