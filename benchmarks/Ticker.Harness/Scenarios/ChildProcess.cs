using System.Diagnostics;

namespace Ticker.Harness;

/// <summary>How the harness starts itself again as a child process (a cold start, a node).</summary>
internal static class ChildProcess
{
    /// <summary>This harness with <paramref name="arguments"/>, its output and errors redirected; through the
    /// <c>dotnet</c> host when that is what runs it.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
