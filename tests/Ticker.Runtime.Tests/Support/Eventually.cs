namespace Ticker.Tests.Support;

/// <summary>Waits, in real time, for something that happens on another thread.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<Task<bool>> condition, Func<Task<string>> describe)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException("Timed out waiting for " + await describe());
    }

    public static Task TrueAsync(Func<bool> condition, string what) =>
        TrueAsync(() => Task.FromResult(condition()), () => Task.FromResult(what));
}
