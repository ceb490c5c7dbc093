using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>
/// <see cref="ChainRules"/> as a table the completion statement joins: every run condition (-1 for none) against
/// every status, whether the child runs and the reason recorded when it is skipped. Built from the shared rules, so
/// the SQL cannot drift from them.
/// </summary>
internal static class PostgreSqlChainRuleTable
{
    private static readonly short[] s_conditions;
    private static readonly short[] s_statuses;
    private static readonly bool[] s_allows;
    private static readonly string[] s_reasons;

#pragma warning disable CA1810 // One pass fills the four columns together; field initializers would repeat it.
    static PostgreSqlChainRuleTable()
#pragma warning restore CA1810
    {
        RunCondition?[] conditions = [null, .. Enum.GetValues<RunCondition>().Select(c => (RunCondition?)c)];
        var rows = conditions
            .SelectMany(condition => Enum.GetValues<TickerStatus>().Select(status => (condition, status)))
            .ToArray();
        s_conditions = [.. rows.Select(row => (short)(row.condition is { } c ? (int)c : -1))];
        s_statuses = [.. rows.Select(row => (short)row.status)];
        s_allows = [.. rows.Select(row => ChainRules.Allows(row.condition, row.status))];
        s_reasons = [.. rows.Select(row => ChainRules.SkipReason(row.condition, row.status))];
    }

    /// <summary>Binds <c>@rule_conditions</c>, <c>@rule_statuses</c>, <c>@rule_allows</c> and <c>@rule_reasons</c>.
    /// </summary>
    public static void Bind(NpgsqlCommand command)
    {
        command.AddArray("rule_conditions", NpgsqlDbType.Smallint, s_conditions);
        command.AddArray("rule_statuses", NpgsqlDbType.Smallint, s_statuses);
        command.AddArray("rule_allows", NpgsqlDbType.Boolean, s_allows);
        command.AddArray("rule_reasons", NpgsqlDbType.Text, s_reasons);
    }
}
