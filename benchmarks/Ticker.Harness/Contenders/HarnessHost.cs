using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ticker.Harness;

/// <summary>The host every contender runs in: the empty builder (no configuration files, no default services) with
/// warnings and errors logged to the console, so no scheduler pays for logging the others skip.</summary>
internal static class HarnessHost
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        return builder;
    }
}
