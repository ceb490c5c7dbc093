using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ticker;

/// <summary>A request codec backed by a source-generated <see cref="JsonTypeInfo{T}"/>.</summary>
internal sealed class JsonTypeInfoRequestCodec<T>(JsonTypeInfo<T> typeInfo) : ITickerRequestCodec<T>
{
    public byte[] Encode(T value) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    public T Decode(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, typeInfo)
        ?? throw new JsonException($"The request decoded to null, but {typeof(T).Name} was expected.");
}
