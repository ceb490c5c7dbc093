namespace Ticker.WebApi;

/// <summary>The API's endpoints: register a user (which schedules a welcome e-mail five minutes later), read a
/// ticker, and move an idle ticker to another time.</summary>
internal static partial class Endpoints
{
    /// <summary>"Schedule Job After User Action": the user is created, then the welcome e-mail is scheduled; a
    /// failure to schedule is logged and does not fail the registration.</summary>
    public static async Task<IResult> RegisterUserAsync(
        UserRegistration registration,
        UserDirectory users,
        ITimeTickerManager<TimeTickerEntity> timeTickerManager,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(registration.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = ["An e-mail address is required."],
            });
        }

        var user = users.Create(registration.Email);
        var welcome = TickerFunctions.SendWelcomeEmail.Create(
            new WelcomeEmail(user.Id, user.Email), DateTime.UtcNow.AddMinutes(5));
        welcome.Retries = 3;
        welcome.RetryIntervals = [60, 300, 900];
        var result = await timeTickerManager.AddAsync(welcome, cancellationToken);
        if (!result.IsSucceeded)
        {
            LogScheduleFailed(logger, result.Exception, user.Id);
        }

        return TypedResults.Ok(new Registered(user.Id, result.Result?.Id));
    }

    public static async Task<IResult> GetTickerAsync(
        Guid id,
        ITickerPersistenceProvider<TimeTickerEntity> tickers,
        CancellationToken cancellationToken)
    {
        var ticker = await tickers.GetTimeTickerByIdAsync(id, cancellationToken);

        return ticker is null ? TypedResults.NotFound() : TypedResults.Ok(TickerView.From(ticker));
    }

    /// <summary>"Reschedule Job": only an idle ticker moves; anything else is a conflict.</summary>
    public static async Task<IResult> RescheduleAsync(
        Guid id,
        Reschedule reschedule,
        ITickerPersistenceProvider<TimeTickerEntity> tickers,
        ITimeTickerManager<TimeTickerEntity> timeTickerManager,
        CancellationToken cancellationToken)
    {
        var ticker = await tickers.GetTimeTickerByIdAsync(id, cancellationToken);
        if (ticker is null)
        {
            return TypedResults.NotFound();
        }

        ticker.ExecutionTime = reschedule.ExecutionTime.ToUniversalTime();
        var result = await timeTickerManager.UpdateAsync(ticker, cancellationToken);

        return result.IsSucceeded
            ? TypedResults.Ok(TickerView.From(result.Result!))
            : TypedResults.Problem(result.Exception?.Message, statusCode: StatusCodes.Status409Conflict);
    }

    [LoggerMessage(1, LogLevel.Error, "Failed to schedule the welcome e-mail of user {UserId}")]
    private static partial void LogScheduleFailed(ILogger logger, Exception? exception, Guid userId);
}
