using System;
using Cronos;

namespace Ticker.Analyzers;

/// <summary>Checks cron text with Cronos, the parser the runtime uses: six fields include seconds
/// (<c>0 0 9 * * MON-FRI</c>), five fields and macros such as <c>@daily</c> do not.</summary>
internal static class CronText
{
    public static CronFormat FormatOf(string expression) =>
        expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronFormat.IncludeSeconds
            : CronFormat.Standard;

    /// <summary>Null when Cronos accepts the expression, or when it is a <c>%Section:Key%</c> placeholder whose
    /// value is read from configuration at start (and checked there); otherwise the reason.</summary>
    public static string? Problem(string expression)
    {
        if (IsConfigurationPlaceholder(expression))
        {
            return null;
        }

        try
        {
            CronExpression.Parse(expression, FormatOf(expression));
            return null;
        }
        catch (CronFormatException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>The rule of the runtime's seeder: the whole trimmed text is <c>%key%</c>, the key non-empty and
    /// without another <c>%</c>.</summary>
    private static bool IsConfigurationPlaceholder(string expression)
    {
        var text = expression.Trim();

        return text.Length >= 3
            && text[0] == '%'
            && text[text.Length - 1] == '%'
            && text.IndexOf('%', 1, text.Length - 2) < 0
            && text.Substring(1, text.Length - 2).Trim().Length > 0;
    }
}
