namespace Ticker.Harness;

/// <summary>The medians of one contender in one case, over its successful repetitions.</summary>
internal sealed record SummaryRow(
    string Scenario,
    string Case,
    string Contender,
    string ContenderName,
    int Runs,
    int Failures,
    Dictionary<string, double> Medians)
{
    public static List<SummaryRow> From(IEnumerable<Measurement> measurements, IReadOnlyList<ContenderSpec> catalog) =>
        measurements
            .GroupBy(m => (m.Scenario, m.Case, m.Contender))
            .Select(group =>
            {
                var ok = group.Where(m => m.Failure is null).ToList();
                var medians = ok.SelectMany(m => m.Metrics.Keys).Distinct().ToDictionary(
                    metric => metric,
                    metric => Statistics.Median(ok.Where(m => m.Metrics.ContainsKey(metric))
                        .Select(m => m.Metrics[metric]).ToList()));
                var name = catalog.FirstOrDefault(spec => spec.Key == group.Key.Contender)?.Name ?? group.Key.Contender;

                return new SummaryRow(group.Key.Scenario, group.Key.Case, group.Key.Contender, name, ok.Count,
                    group.Count() - ok.Count, medians);
            })
            .ToList();

    public double? this[string metric] => Medians.TryGetValue(metric, out var value) ? value : null;
}
