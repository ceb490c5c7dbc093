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

    /// <summary>Null when Cronos accepts the expression, otherwise its reason.</summary>
    public static string? Problem(string expression)
    {
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
}
