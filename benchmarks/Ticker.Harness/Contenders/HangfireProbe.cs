namespace Ticker.Harness;

/// <summary>The Hangfire job. Hangfire serializes a method call and its arguments, so the job is a public static
/// method that reaches the run's probe through static state.</summary>
public static class HangfireProbe
{
    public static void Run(int index) => RunProbe.Current!.Hit(index);
}
