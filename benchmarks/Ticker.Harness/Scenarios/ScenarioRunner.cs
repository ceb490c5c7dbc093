using System.Globalization;

namespace Ticker.Harness;

/// <summary>
/// Runs every selected scenario: each case R times, and in each repetition every contender once, one after the other,
/// starting with a different contender each time so no one always runs first. Failures are recorded, not thrown.
/// </summary>
internal sealed class ScenarioRunner(HarnessOptions options, IReadOnlyList<ContenderSpec> catalog)
{
    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(300);

    public List<Measurement> Measurements { get; } = [];

    /// <summary>An unmeasured burst per contender, so every measured run finds its code compiled.</summary>
    public async Task WarmUpAsync(IEnumerable<IScenario> scenarios)
    {
        if (options.WarmupJobs == 0)
        {
            return;
        }

        var keys = scenarios.SelectMany(scenario => scenario.ContenderKeys).Distinct().Where(key => key != "baseline");
        foreach (var spec in Select(keys))
        {
            Progress($"warm-up: {spec.Name}, {options.WarmupJobs:N0} jobs");
            await Measure(() => BurstScenario.RunAsync(spec, options.WarmupJobs, options));
        }
    }

    public async Task RunAsync(IScenario scenario)
    {
        var specs = Select(scenario.ContenderKeys);
        foreach (var scenarioCase in scenario.Cases)
        {
            for (var repetition = 1; repetition <= options.Repeat; repetition++)
            {
                for (var i = 0; i < specs.Count; i++)
                {
                    var spec = specs[(i + repetition - 1) % specs.Count];
                    var (metrics, failure) = await Measure(() => scenario.MeasureAsync(scenarioCase, spec));
                    Measurements.Add(new Measurement(
                        scenario.Key, scenarioCase.Name, spec.Key, repetition, metrics, failure));
                    Progress($"{scenario.Key} {scenarioCase.Name} #{repetition} {spec.Name}: {Describe(metrics, failure)}");
                }
            }
        }
    }

    private List<ContenderSpec> Select(IEnumerable<string> keys) => keys
        .Where(key => options.Contenders is null || options.Contenders.Contains(key))
        .Select(key => catalog.FirstOrDefault(spec => spec.Key == key))
        .OfType<ContenderSpec>()
        .ToList();

    private static async Task<(Dictionary<string, double> Metrics, string? Failure)> Measure(
        Func<Task<Dictionary<string, double>>> run)
    {
        ContenderRun.CollectGarbage();
        await Task.Delay(s_pause);
        try
        {
            return (await run(), null);
        }
        catch (Exception exception)
        {
            // Any failure of one contender is a figure of the report, not the end of the run.
            return ([], exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static string Describe(Dictionary<string, double> metrics, string? failure) =>
        failure ?? string.Join(", ", metrics.Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value:0.###}")));

    private static void Progress(string line) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {line}"));
}
