namespace Ticker;

/// <summary>A cron definition as a store keeps it. All times are UTC.</summary>
public sealed class CronTickerRecord
{
    /// <summary>The cron's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The function to run.</summary>
    public string Function { get; set; } = string.Empty;

    /// <summary>The Cronos expression.</summary>
    public string Expression { get; set; } = string.Empty;

#pragma warning disable CA1819 // Stores pass request bytes through without copying them.
    /// <summary>The encoded request.</summary>
    public byte[]? Request { get; set; }

    /// <summary>Retry intervals in seconds.</summary>
    public int[]? RetryIntervals { get; set; }
#pragma warning restore CA1819

    /// <summary>How many failures of an occurrence are retried.</summary>
    public int Retries { get; set; }

    /// <summary>Whether occurrences are planned.</summary>
    public bool IsEnabled { get; set; }

    /// <summary>The time zone id, or <see langword="null"/> for UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Free text.</summary>
    public string? Description { get; set; }

    /// <summary>The misfire policy.</summary>
    public CronMisfirePolicy Misfire { get; set; }

    /// <summary>The overlap policy, copied onto every occurrence.</summary>
    public CronOverlapPolicy Overlap { get; set; }

    /// <summary>For a cron declared in code, its identity (the function name); unique in the store.
    /// <see langword="null"/> for crons added through the manager.</summary>
    public string? SeedKey { get; set; }

    /// <summary>When the cron was added.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the cron last changed; the planner re-plans a cron whose value it has not seen.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>A shallow copy.</summary>
    public CronTickerRecord Clone() => (CronTickerRecord)MemberwiseClone();
}
