using System.Text.Json.Serialization;

namespace Ticker.Generators.Tests.Runtime;

[JsonSerializable(typeof(ContextBackedRequest))]
internal sealed partial class ContextBackedJsonContext : JsonSerializerContext;
