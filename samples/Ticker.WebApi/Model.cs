using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Ticker.WebApi;

public sealed record UserRegistration(string Email);

public sealed record User(Guid Id, string Email);

public sealed record Registered(Guid UserId, Guid? WelcomeEmailTicker);

public sealed record Reschedule(DateTime ExecutionTime);

/// <summary>What the API shows of a ticker.</summary>
public sealed record TickerView(
    Guid Id,
    string Function,
    string Status,
    DateTime? ExecutionTime,
    DateTime? ExecutedAt,
    int RetryCount)
{
    public static TickerView From(TimeTickerEntity ticker) => new(
        ticker.Id,
        ticker.Function,
        ticker.Status.ToString(),
        ticker.ExecutionTime,
        ticker.ExecutedAt,
        ticker.RetryCount);
}

/// <summary>The request of the welcome e-mail job.</summary>
public sealed record WelcomeEmail(Guid UserId, string Email);

/// <summary>Stands in for the app's user store.</summary>
public sealed class UserDirectory
{
    private readonly ConcurrentDictionary<Guid, User> _users = new();

    public User Create(string email)
    {
        var user = new User(Guid.CreateVersion7(), email);
        _users[user.Id] = user;

        return user;
    }
}

[JsonSerializable(typeof(UserRegistration))]
[JsonSerializable(typeof(Registered))]
[JsonSerializable(typeof(Reschedule))]
[JsonSerializable(typeof(TickerView))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class ApiJson : JsonSerializerContext;
