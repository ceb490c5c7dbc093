namespace Ticker;

/// <summary>Turns a request into the bytes a ticker stores and back, with no reflection. The generator emits one per
/// request type; <see cref="TickerRequestCodecs.FromJsonTypeInfo{T}"/> adapts a System.Text.Json context.</summary>
/// <typeparam name="T">The request type.</typeparam>
public interface ITickerRequestCodec<T>
{
    /// <summary>Encodes a request as UTF-8 JSON.</summary>
    byte[] Encode(T value);

    /// <summary>Decodes UTF-8 JSON made by <see cref="Encode"/>; throws <see cref="System.Text.Json.JsonException"/> when
    /// the bytes are not a valid request.</summary>
    T Decode(ReadOnlySpan<byte> utf8Json);
}
