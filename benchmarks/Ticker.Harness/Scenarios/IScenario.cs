namespace Ticker.Harness;

/// <summary>One measurement the harness repeats for each contender.</summary>
internal interface IScenario
{
    string Key { get; }

    /// <summary>The contenders this scenario compares, in report order.</summary>
    IReadOnlyList<string> ContenderKeys { get; }

    IReadOnlyList<ScenarioCase> Cases { get; }

    /// <summary>Runs the case once on a fresh contender and returns its figures; throws
    /// <see cref="HarnessRunException"/> when the run failed.</summary>
    Task<Dictionary<string, double>> MeasureAsync(ScenarioCase scenarioCase, ContenderSpec spec);
}
