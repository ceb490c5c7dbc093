namespace Ticker;

/// <summary>One upcoming occurrence of a cron, as <see cref="CronSchedule.Preview"/> reports it.</summary>
/// <param name="Utc">When it fires, in UTC.</param>
/// <param name="Local">When it fires, in the cron's time zone.</param>
/// <param name="MovedByDaylightSaving">Whether a daylight-saving change moved it: its wall-clock time did not exist
/// (a spring-forward gap), so it fires at the end of the gap instead.</param>
public readonly record struct CronOccurrencePreview(DateTime Utc, DateTimeOffset Local, bool MovedByDaylightSaving);
