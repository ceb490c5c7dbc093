using System.Text.Json;

namespace Ticker.Generators.Tests.Runtime;

/// <summary>A request the generated codec cannot handle (a <see cref="JsonElement"/> member), served by the
/// System.Text.Json context below instead.</summary>
public sealed class ContextBackedRequest
{
    public string Kind { get; set; } = "";

    public JsonElement Payload { get; set; }
}
