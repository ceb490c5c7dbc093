using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Ticker;

/// <summary>Parses cron text and time zone ids with the rule the analyzers apply at build time: six fields include
/// seconds, anything else is the standard five-field form.</summary>
internal static class CronExpressions
{
    /// <summary>The format <paramref name="expression"/> is written in, judged by its field count.</summary>
    public static CronFormat FormatOf(string expression) =>
        expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronFormat.IncludeSeconds
            : CronFormat.Standard;

    /// <summary>Parses an expression; throws <see cref="CronFormatException"/> when it is not valid.</summary>
    public static CronExpression Parse(string expression) => CronExpression.Parse(expression, FormatOf(expression));

    /// <summary>Parses an expression; <see langword="false"/> with the reason when it is not valid.</summary>
    public static bool TryParse(
        string? expression,
        [NotNullWhen(true)] out CronExpression? cron,
        [NotNullWhen(false)] out string? error)
    {
        cron = null;
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "a cron expression is required.";

            return false;
        }

        try
        {
            cron = Parse(expression.Trim());

            return true;
        }
        catch (CronFormatException exception)
        {
            error = $"'{expression}' is not a valid cron expression: {exception.Message}";

            return false;
        }
    }

    /// <summary>Whether a declared expression is a configuration placeholder, <c>%Section:Key%</c>, and the key it
    /// names. The whole text (trimmed) must be the placeholder; it is read from configuration when crons are seeded.
    /// </summary>
    public static bool TryGetConfigurationKey(string expression, [NotNullWhen(true)] out string? key)
    {
        var text = expression.AsSpan().Trim();
        key = null;
        if (text.Length < 3 || text[0] != '%' || text[^1] != '%' || text[1..^1].Contains('%'))
        {
            return false;
        }

        key = text[1..^1].Trim().ToString();

        return key.Length > 0;
    }

    /// <summary>The zone an id names; <see langword="null"/> or empty is UTC.</summary>
    public static bool TryResolveZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            zone = TimeZoneInfo.Utc;

            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
