namespace Ticker;

/// <summary>What a running ticker function knows about its run.</summary>
public class TickerFunctionContext
{
    /// <summary>Creates the context of one run. Called by the executor and by generated code.</summary>
    public TickerFunctionContext(
        Guid id,
        string functionName,
        int retryCount,
        DateTime scheduledFor,
        ReadOnlyMemory<byte> rawRequest,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        Id = id;
        FunctionName = functionName;
        RetryCount = retryCount;
        ScheduledFor = scheduledFor;
        RawRequest = rawRequest;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>Copies another context; used to add a typed request.</summary>
    protected TickerFunctionContext(TickerFunctionContext other)
    {
        ArgumentNullException.ThrowIfNull(other);

        Id = other.Id;
        FunctionName = other.FunctionName;
        RetryCount = other.RetryCount;
        ScheduledFor = other.ScheduledFor;
        RawRequest = other.RawRequest;
        Services = other.Services;
        CancellationToken = other.CancellationToken;
    }

    /// <summary>The id of the ticker being run.</summary>
    public Guid Id { get; }

    /// <summary>The function's name.</summary>
    public string FunctionName { get; }

    /// <summary>How many earlier attempts failed; zero on the first run.</summary>
    public int RetryCount { get; }

    /// <summary>When the run was due (UTC).</summary>
    public DateTime ScheduledFor { get; }

    /// <summary>The request as stored (UTF-8 JSON); empty when the ticker has none.</summary>
    public ReadOnlyMemory<byte> RawRequest { get; }

    /// <summary>The services of this run's DI scope, disposed when the run ends.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Fires when the host stops or the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; }
}
