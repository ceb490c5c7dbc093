using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Ticker.ReferencePage.Tests;

/// <summary>
/// The examples of the reference page of <c>ITimeTickerManager</c> (shared/seeds), pasted into the methods below as
/// the page writes them; only the members they use (<c>_timeTickerManager</c>, <c>_persistenceProvider</c>,
/// <c>_logger</c>, <c>cancellationToken</c>, <c>CreateUserAsync</c>) are this class's own. If a change to Ticker's API
/// breaks an example, this file stops compiling.
/// </summary>
public sealed class ReferencePageController(
    ITimeTickerManager<TimeTickerEntity> timeTickerManager,
    ITickerPersistenceProvider<TimeTickerEntity> persistenceProvider,
    ILogger<ReferencePageController> logger) : ControllerBase
{
    private readonly ITimeTickerManager<TimeTickerEntity> _timeTickerManager = timeTickerManager;
    private readonly ITickerPersistenceProvider<TimeTickerEntity> _persistenceProvider = persistenceProvider;
    private readonly ILogger _logger = logger;
    private readonly CancellationToken cancellationToken = CancellationToken.None;

    /// <summary>The users <see cref="CreateUserAsync"/> made, for the tests to look at.</summary>
    public List<User> Users { get; } = [];

    /// <summary>The page's <c>AddAsync</c> example.</summary>
    public async Task<TickerResult<TimeTickerEntity>> AddExampleAsync(EmailRequest emailRequest)
    {
        var result = await _timeTickerManager.AddAsync(new TimeTickerEntity
        {
            Function = "SendEmail",
            ExecutionTime = DateTime.UtcNow.AddMinutes(5),
            Request = TickerHelper.CreateTickerRequest(emailRequest),
            Retries = 3,
            RetryIntervals = new[] { 60, 300, 900 }
        }, cancellationToken);

        return result;
    }

    /// <summary>"Schedule Job After User Action".</summary>
    public async Task<IActionResult> RegisterUser(UserRegistrationDto dto)
    {
        var user = await CreateUserAsync(dto);
        
        var result = await _timeTickerManager.AddAsync(new TimeTickerEntity
        {
            Function = "SendWelcomeEmail",
            ExecutionTime = DateTime.UtcNow.AddMinutes(5),
            Request = TickerHelper.CreateTickerRequest(new EmailRequest
            {
                UserId = user.Id,
                Email = user.Email
            }),
            Retries = 3,
            RetryIntervals = new[] { 60, 300, 900 }
        });
        
        if (!result.IsSucceeded)
        {
            _logger.LogError(result.Exception, "Failed to schedule welcome email");
        }
        
        return Ok();
    }

    /// <summary>"Reschedule Job".</summary>
    public async Task RescheduleJob(Guid jobId, DateTime newExecutionTime)
    {
        // Get job via persistence provider (when using EF Core)
        var job = await _persistenceProvider.GetTimeTickerByIdAsync(jobId, cancellationToken);
        
        if (job != null && job.Status == TickerStatus.Idle)
        {
            job.ExecutionTime = newExecutionTime;
            var result = await _timeTickerManager.UpdateAsync(job, cancellationToken);
            
            if (result.IsSucceeded)
            {
                Console.WriteLine("Job rescheduled successfully");
            }
        }
    }

    /// <summary>"Error Handling".</summary>
    public async Task AddCheckedAsync(TimeTickerEntity ticker)
    {
        var result = await _timeTickerManager.AddAsync(ticker);

        if (!result.IsSucceeded)
        {
            switch (result.Exception)
            {
                case TickerValidatorException ex:
                    _logger.LogWarning("Validation error: {Message}", ex.Message);
                    break;
                default:
                    _logger.LogError(result.Exception, "Unexpected error scheduling job");
                    break;
            }
        }
    }

    private Task<User> CreateUserAsync(UserRegistrationDto dto)
    {
        var user = new User(Guid.NewGuid(), dto.Email);
        Users.Add(user);

        return Task.FromResult(user);
    }
}

public sealed record UserRegistrationDto(string Email);

public sealed record User(Guid Id, string Email);

/// <summary>The request of the page's e-mail jobs.</summary>
public sealed class EmailRequest
{
    public Guid UserId { get; set; }

    public string Email { get; set; } = string.Empty;
}
