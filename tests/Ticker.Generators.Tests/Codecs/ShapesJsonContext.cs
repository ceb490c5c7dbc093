using System.Text.Json.Serialization;

namespace Ticker.Generators.Tests.Codecs;

/// <summary>System.Text.Json's own reflection-free serializers for the same shapes, the reference output.</summary>
[JsonSerializable(typeof(Everything))]
[JsonSerializable(typeof(Positional))]
[JsonSerializable(typeof(Point))]
[JsonSerializable(typeof(List<Address>))]
internal sealed partial class ShapesJsonContext : JsonSerializerContext;
