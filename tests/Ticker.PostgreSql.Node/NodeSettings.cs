using System.Globalization;

namespace Ticker.PostgreSql.Node;

/// <summary>What a node is told on its command line, as <c>name=value</c> pairs.</summary>
internal sealed record NodeSettings(
    string ConnectionString,
    string Schema,
    string Name,
    TimeSpan ClockSkew,
    TimeSpan LeaseLength,
    int Concurrency,
    TimeSpan JobDuration,
    bool Record)
{
    public const string Usage =
        "usage: Ticker.PostgreSql.Node connection=<string> schema=<name> name=<node id> [skew-seconds=0] " +
        "[lease-seconds=30] [concurrency=16] [job-ms=0] [record=true]";

    public static NodeSettings Parse(string[] args)
    {
        var values = args.Select(arg => arg.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);

        return new NodeSettings(
            values["connection"],
            values["schema"],
            values["name"],
            TimeSpan.FromSeconds(Number(values, "skew-seconds", 0)),
            TimeSpan.FromSeconds(Number(values, "lease-seconds", 30)),
            (int)Number(values, "concurrency", 16),
            TimeSpan.FromMilliseconds(Number(values, "job-ms", 0)),
            !values.TryGetValue("record", out var record) || bool.Parse(record));
    }

    private static double Number(Dictionary<string, string> values, string key, double fallback) =>
        values.TryGetValue(key, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
