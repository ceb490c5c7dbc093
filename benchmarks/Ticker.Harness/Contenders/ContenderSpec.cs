namespace Ticker.Harness;

/// <summary>A named way to build a contender for a run.</summary>
/// <param name="Key">The command-line name.</param>
/// <param name="Name">The name in reports.</param>
/// <param name="Create">Builds the contender around the run's probe.</param>
/// <param name="Notes">Configuration worth stating next to the figures.</param>
internal sealed record ContenderSpec(
    string Key,
    string Name,
    Func<RunProbe, ContenderSettings, IContender> Create,
    string Notes);
