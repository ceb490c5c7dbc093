namespace Ticker.Harness;

/// <summary>The figures of one run of one contender in one case of a scenario.</summary>
/// <param name="Scenario">burst, lateness, idle or firstrun.</param>
/// <param name="Case">The case within the scenario, such as "10,000 jobs".</param>
/// <param name="Contender">The contender's key.</param>
/// <param name="Repetition">1-based.</param>
/// <param name="Metrics">Named figures; see each scenario for units.</param>
/// <param name="Failure">Why the run produced no figures, or null.</param>
internal sealed record Measurement(
    string Scenario,
    string Case,
    string Contender,
    int Repetition,
    Dictionary<string, double> Metrics,
    string? Failure);
