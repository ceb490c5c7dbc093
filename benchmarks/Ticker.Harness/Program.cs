using System.Diagnostics;
using Ticker.Harness;

var mainTimestamp = Stopwatch.GetTimestamp();
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

var catalog = ContenderCatalog.All(options);
if (options.ChildFirstRun is { } childKey)
{
    return await ColdStart.RunChildAsync(catalog.First(spec => spec.Key == childKey), options, mainTimestamp);
}

if (options.ChildNode is { } nodeKey)
{
    return await NodeProcess.RunChildAsync(catalog.First(spec => spec.Key == nodeKey), options);
}

var machine = MachineInfo.Read();
IScenario[] scenarios =
[
    new BurstScenario(options),
    new LatenessScenario(options),
    new IdleScenario(options),
    new CronIdleScenario(options),
    new NodesScenario(options),
    new FirstRunScenario(options),
];
var selected = scenarios.Where(scenario => options.Scenarios.Contains(scenario.Key)).ToList();
var runner = new ScenarioRunner(options, catalog);
await runner.WarmUpAsync(selected);
foreach (var scenario in selected)
{
    await runner.RunAsync(scenario);
}

machine = machine with { LoadAverageAtEnd = MachineInfo.LoadAverage() };
var summary = SummaryRow.From(runner.Measurements, catalog);
var markdown = new MarkdownReport(options, machine, catalog, summary, runner.Measurements).Render();
Console.WriteLine(markdown);
JsonReport.Write(options.OutputPath, options, machine, catalog, runner.Measurements, summary);
File.WriteAllText(Path.ChangeExtension(options.OutputPath, ".md"), markdown);
Console.Error.WriteLine($"Results: {Path.GetFullPath(options.OutputPath)} and its .md beside it.");

return 0;
