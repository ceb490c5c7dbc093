using System.Globalization;
using System.Text;

namespace Ticker.Harness;

/// <summary>Renders the medians as markdown tables, one per scenario case, with ratios to Quartz.NET.</summary>
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
        WriteScenario("firstrun", "Start to first run", WriteFirstRun);
        WriteFailures();

        return _text.ToString();
    }

    private void WriteHeader()
    {
        Line("# Ticker side-by-side harness");
        Line();
        Line(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine.ProcessorCount} cores ({machine.Cpu}), {machine.OperatingSystem}, {machine.Runtime}."));
        Line(Invariant($"Load average (1/5/15 min) at start {machine.LoadAverageAtStart ?? "n/a"}, at end {machine.LoadAverageAtEnd ?? "n/a"}."));
        Line(Invariant($"{options.Repeat} repetition(s) per case; figures are medians; \"× Quartz\" is the ratio to Quartz.NET's median in the same run."));
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
        var quartz = Quartz(cases);
        Line("| Scheduler | jobs/s | × Quartz | total s | in add calls s | store transactions per job | ran twice "
            + "| runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            Line($"| {row.ContenderName} | {F(row["jobs_per_s"], "N0")} | {Ratio(row["jobs_per_s"], quartz?["jobs_per_s"])} "
                + $"| {F(row["total_s"], "0.00")} | {F(row["add_s"], "0.00")} | {F(row["store_writes_per_job"], "0.000")} "
                + $"| {F(row["repeats"], "0")} | {Runs(row)} |");
        }
    }

    private void WriteLateness(IReadOnlyList<SummaryRow> cases)
    {
        var quartz = Quartz(cases);
        Line("| Scheduler | p50 ms | p95 ms | p99 ms | max ms | early % | p99 × Quartz | p99 ms (wall) "
            + "| early % (wall) | clock drift ms | runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            Line($"| {row.ContenderName} | {F(row["p50_ms"], "0.000")} | {F(row["p95_ms"], "0.000")} "
                + $"| {F(row["p99_ms"], "0.000")} | {F(row["max_ms"], "0.000")} | {F(row["early_pct"], "0.0")} "
                + $"| {Ratio(row["p99_ms"], quartz?["p99_ms"])} | {F(row["p99_wall_ms"], "0.000")} "
                + $"| {F(row["early_wall_pct"], "0.0")} | {F(row["drift_ms"], "0.000")} | {Runs(row)} |");
        }
    }

    private void WriteIdle(IReadOnlyList<SummaryRow> cases)
    {
        var quartz = Quartz(cases);
        Line("| Scheduler | CPU s | CPU % of one core | × Quartz | store queries | runs |");
        Line("|---|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            Line($"| {row.ContenderName} | {F(row["cpu_s"], "0.000")} | {F(row["cpu_pct"], "0.00")} "
                + $"| {Ratio(row["cpu_s"], quartz?["cpu_s"])} | {F(row["store_queries"], "0")} | {Runs(row)} |");
        }
    }

    private void WriteFirstRun(IReadOnlyList<SummaryRow> cases)
    {
        var quartz = Quartz(cases);
        Line("| Scheduler | build + start ms | add → run ms | total ms (warm) | × Quartz | new process → run ms "
            + "| of which runtime start ms | × Quartz | runs |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in cases)
        {
            Line($"| {row.ContenderName} | {F(row["start_ms"], "0.0")} | {F(row["add_to_run_ms"], "0.0")} "
                + $"| {F(row["total_ms"], "0.0")} | {Ratio(row["total_ms"], quartz?["total_ms"])} "
                + $"| {F(row["cold_ms"], "0")} | {F(row["cold_runtime_ms"], "0")} "
                + $"| {Ratio(row["cold_ms"], quartz?["cold_ms"])} | {Runs(row)} |");
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

    private static SummaryRow? Quartz(IReadOnlyList<SummaryRow> cases) =>
        cases.FirstOrDefault(row => row.Contender == ContenderCatalog.Quartz);

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
