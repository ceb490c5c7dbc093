namespace Ticker;

/// <summary>
/// A recurring job: run <see cref="Function"/> with <see cref="Request"/> at every occurrence of
/// <see cref="Expression"/> in <see cref="TimeZone"/>.
/// </summary>
/// <remarks>
/// The type may be derived from; managers and persistence providers are generic over it. The built-in stores persist
/// the members declared here, so members a derived type adds are not stored. Each occurrence is stored as a
/// <see cref="CronTickerOccurrence"/>.
/// </remarks>
public class CronTickerEntity
{
    /// <summary>The cron's id. Left empty, the manager assigns a new one.</summary>
    public Guid Id { get; set; }

    /// <summary>The name of the <c>[TickerFunction]</c> to run.</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>A Cronos expression: five fields (minute precision) or six fields (the first is seconds). Names of days
    /// and months, <c>L</c>, <c>W</c>, <c>#</c> and macros such as <c>@daily</c> are accepted.</summary>
    public string Expression { get; set; } = string.Empty;

    /// <summary>The encoded request (UTF-8 JSON) every occurrence runs with.</summary>
#pragma warning disable CA1819 // Mirrors TimeTickerEntity, whose seed API assigns arrays directly.
    public byte[]? Request { get; set; }

    /// <summary>Seconds to wait before each retry of an occurrence; the last interval repeats.</summary>
    public int[]? RetryIntervals { get; set; }
#pragma warning restore CA1819

    /// <summary>How many times a failed occurrence is retried.</summary>
    public int Retries { get; set; }

    /// <summary>Whether occurrences are planned. Setting it to <see langword="false"/> pauses the cron (its pending
    /// occurrence is removed); setting it back resumes from the next occurrence, without running those missed while
    /// paused.</summary>
    public bool IsEnabled { get; set; } = true;

    /// <summary>The time zone the expression is read in: an IANA id (<c>Europe/Berlin</c>) or a Windows id
    /// (<c>W. Europe Standard Time</c>). <see langword="null"/> means UTC, never the server's local zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Free text shown with the cron; not interpreted.</summary>
    public string? Description { get; set; }

    /// <summary>What to do with occurrences missed while no node ran.</summary>
    public CronMisfirePolicy Misfire { get; set; }

    /// <summary>What to do when an occurrence is due while the previous one still runs.</summary>
    public CronOverlapPolicy Overlap { get; set; }

    /// <summary>Whether the cron was declared in code (<c>[TickerFunction("Name", "cron")]</c>) and seeded at start.
    /// Set by Ticker; ignored on add.</summary>
    public bool IsSeeded { get; set; }

    /// <summary>When the cron was added, in UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the cron last changed, in UTC.</summary>
    public DateTime UpdatedAt { get; set; }
}
