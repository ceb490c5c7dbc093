using System.Runtime.InteropServices;

namespace Ticker.Harness;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(
    int ProcessorCount,
    string Cpu,
    string OperatingSystem,
    string Runtime,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        null);

    /// <summary>The 1, 5 and 15 minute load averages of /proc/loadavg, or null off Linux.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var model = File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));

        return model?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
