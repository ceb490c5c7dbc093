namespace Ticker.Harness;

/// <summary>Starts a fresh contender, runs a measurement on it and always stops and disposes it.</summary>
internal static class ContenderRun
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> UseAsync<T>(
        ContenderSpec spec,
        RunProbe probe,
        ContenderSettings settings,
        Func<IContender, Task<T>> measure)
    {
        var contender = spec.Create(probe, settings);
        await using (contender)
        {
            try
            {
                return await measure(contender);
            }
            finally
            {
                using var stopping = new CancellationTokenSource(s_stopTimeout);
                await contender.StopAsync(stopping.Token);
            }
        }
    }

    /// <summary>Collects garbage left by earlier runs so it is not collected during this one.</summary>
    public static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
