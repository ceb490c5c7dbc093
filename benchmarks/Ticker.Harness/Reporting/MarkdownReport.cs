using System.Globalization;
using System.Text;

namespace Ticker.Harness;

/// <summary>Renders the medians as markdown tables, one per scenario case, with ratios to a peer: Quartz.NET
/// (RAMJobStore) for the in-process stores, the best of Hangfire and Quartz.NET on PostgreSQL for the PostgreSQL
/// contenders.</summary>
internal sealed class MarkdownReport(
    HarnessOptions options,
    MachineInfo machine,
    IReadOnlyList<ContenderSpec> catalog,
    IReadOnlyList<SummaryRow> rows,
    IReadOnlyList<Measurement> measurements)
{
    private readonly StringBuilder _text = new();

    public string Render()
    {
        WriteHeader();
        WriteScenario("burst", "Burst: one-off jobs due now, end to end (higher jobs/s is better)", WriteBurst);
        WriteScenario("lateness", "Lateness: start minus due time (lower is better; early starts are bugs)",
            WriteLateness);
        WriteScenario("idle", "Idle: nothing to do", WriteIdle);
        WriteScenario("cron", "Cron planning cost: daily crons, none due in the window but one sentinel", WriteCron);
        WriteScenario("nodes", "Several nodes on one PostgreSQL server: one-off jobs due now, end to end", WriteNodes);
        WriteScenario("firstrun", "Start to first run", WriteFirstRun);
        WriteFailures();

        return _text.ToString();
    }

    private void WriteHeader()
    {
        Line("# Ticker side-by-side harness");
        Line();
        Line(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine.ProcessorCount} cores ")
            + Invariant($"({machine.Cpu}), ")
            + Invariant($"{machine.OperatingSystem}, {machine.Runtime}."));
        Line(Invariant($"Load average (1/5/15 min) at start {machine.LoadAverageAtStart ?? "n/a"}, ")
            + Invariant($"at end {machine.LoadAverageAtEnd ?? "n/a"}."));
        Line(Invariant($"{options.Repeat} repetition(s) per case; figures are medians; \"× peer\" is the ratio to ")
            + "Quartz.NET's (RAMJobStore) median in the same run, or for a PostgreSQL contender to the best median of "
            + "Hangfire and Quartz.NET on PostgreSQL.");
        Line("Store transactions per job: counted by the PostgreSQL server for the PostgreSQL contenders, by Ticker's "
            + "store decorator otherwise.");
        Line();
        foreach (var key in rows.Select(row => row.Contender).Distinct())
        {
            var spec = catalog.First(spec => spec.Key == key);
            Line($"- **{spec.Name}**: {spec.Notes}");
        }
    }

    private void WriteScenario(string scenario, string title, Action<IReadOnlyList<SummaryRow>> write)
    {
        var cases = rows.Where(row => row.Scenario == scenario).GroupBy(row => row.Case);
        foreach (var scenarioCase in cases)
        {
            Line();
            Line($"## {title}, {scenarioCase.Key}");
            Line();
            write(scenarioCase.ToList());
        }
    }

    private void WriteBurst(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | jobs/s | × peer | total s | in add calls s | store transactions per job | ran twice "
            + "| runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            var ratio = Ratio(row["jobs_per_s"], Peer(cases, row, "jobs_per_s", higherIsBetter: true));
            var transactions = row["db_write_transactions_per_job"] ?? row["store_writes_per_job"];
            Line($"| {row.ContenderName} | {F(row["jobs_per_s"], "N0")} | {ratio} "
                + $"| {F(row["total_s"], "0.00")} | {F(row["add_s"], "0.00")} | {F(transactions, "0.000")} "
                + $"| {F(row["repeats"], "0")} | {Runs(row)} |");
        }
    }

    private void WriteLateness(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | p50 ms | p95 ms | p99 ms | max ms | early % | p99 × peer | p99 ms (wall) "
            + "| early % (wall) | clock drift ms | runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            var ratio = Ratio(row["p99_ms"], Peer(cases, row, "p99_ms", higherIsBetter: false));
            Line($"| {row.ContenderName} | {F(row["p50_ms"], "0.000")} | {F(row["p95_ms"], "0.000")} "
                + $"| {F(row["p99_ms"], "0.000")} | {F(row["max_ms"], "0.000")} | {F(row["early_pct"], "0.0")} "
                + $"| {ratio} | {F(row["p99_wall_ms"], "0.000")} "
                + $"| {F(row["early_wall_pct"], "0.0")} | {F(row["drift_ms"], "0.000")} | {Runs(row)} |");
        }
    }

    private void WriteIdle(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | CPU s | CPU % of one core | × peer | store queries | runs |");
        Line("|---|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            var ratio = Ratio(row["cpu_s"], Peer(cases, row, "cpu_s", higherIsBetter: false));
            Line($"| {row.ContenderName} | {F(row["cpu_s"], "0.000")} | {F(row["cpu_pct"], "0.00")} "
                + $"| {ratio} | {F(row["store_queries"], "0")} | {Runs(row)} |");
        }
    }

    private void WriteCron(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | adding s | CPU s | CPU % of one core | × peer | store queries | heap MB "
            + "| sentinel late ms | runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            Line($"| {row.ContenderName} | {F(row["add_s"], "0.00")} | {F(row["cpu_s"], "0.000")} "
                + $"| {F(row["cpu_pct"], "0.00")} "
                + $"| {Ratio(row["cpu_s"], Peer(cases, row, "cpu_s", higherIsBetter: false))} "
                + $"| {F(row["store_queries"], "0")} | {F(row["heap_mb"], "0.0")} "
                + $"| {F(row["sentinel_late_ms"], "0.000")} | {Runs(row)} |");
        }
    }

    private void WriteNodes(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | jobs/s | × peer | total s | transactions per job | busiest node's share | ran twice "
            + "| runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            var ratio = Ratio(row["jobs_per_s"], Peer(cases, row, "jobs_per_s", higherIsBetter: true));
            Line($"| {row.ContenderName} | {F(row["jobs_per_s"], "N0")} | {ratio} | {F(row["total_s"], "0.00")} "
                + $"| {F(row["db_write_transactions_per_job"], "0.000")} | {F(row["busiest_node_share"], "0.00")} "
                + $"| {F(row["repeats"], "0")} | {Runs(row)} |");
        }
    }

    private void WriteFirstRun(IReadOnlyList<SummaryRow> cases)
    {
        Line("| Scheduler | build + start ms | add → run ms | total ms (warm) | × peer | new process → run ms "
            + "| of which runtime start ms | × peer | runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            var warmRatio = Ratio(row["total_ms"], Peer(cases, row, "total_ms", higherIsBetter: false));
            var coldRatio = Ratio(row["cold_ms"], Peer(cases, row, "cold_ms", higherIsBetter: false));
            Line($"| {row.ContenderName} | {F(row["start_ms"], "0.0")} | {F(row["add_to_run_ms"], "0.0")} "
                + $"| {F(row["total_ms"], "0.0")} | {warmRatio} "
                + $"| {F(row["cold_ms"], "0")} | {F(row["cold_runtime_ms"], "0")} "
                + $"| {coldRatio} | {Runs(row)} |");
        }
    }

    private void WriteFailures()
    {
        var failures = measurements.Where(m => m.Failure is not null).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        Line();
        Line("## Failed runs");
        Line();
        foreach (var failure in failures)
        {
            Line($"- {failure.Scenario} {failure.Case} #{failure.Repetition} {failure.Contender}: {failure.Failure}");
        }
    }

    /// <summary>What <paramref name="row"/> is compared with: Quartz.NET's (RAMJobStore) median for an in-process
    /// store; for a PostgreSQL contender the best median among the PostgreSQL peers in the case, so Ticker on
    /// PostgreSQL faces whichever of Hangfire and Quartz.NET did better on that figure.</summary>
    private static double? Peer(IReadOnlyList<SummaryRow> cases, SummaryRow row, string metric, bool higherIsBetter)
    {
        if (!ContenderCatalog.IsPostgreSql(row.Contender))
        {
            return cases.FirstOrDefault(peer => peer.Contender == ContenderCatalog.Quartz)?[metric];
        }

        var values = cases
            .Where(peer => ContenderCatalog.PostgreSqlPeers.Contains(peer.Contender))
            .Select(peer => peer[metric])
            .OfType<double>()
            .Where(value => !double.IsNaN(value))
            .ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return higherIsBetter ? values.Max() : values.Min();
    }

    private static string Runs(SummaryRow row) =>
        row.Failures == 0 ? Invariant($"{row.Runs}") : Invariant($"{row.Runs} ({row.Failures} failed)");

    private static string F(double? value, string format) =>
        value is { } number && !double.IsNaN(number) ? number.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? value, double? quartz) =>
        value is { } v && quartz is { } q && q != 0 && !double.IsNaN(v) && !double.IsNaN(q)
            ? (v / q).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
