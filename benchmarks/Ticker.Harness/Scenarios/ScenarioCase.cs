namespace Ticker.Harness;

/// <summary>A case of a scenario: its name in reports and its size (jobs, or seconds for idle).</summary>
internal sealed record ScenarioCase(string Name, int Size);
