using System.Text.Json.Serialization.Metadata;

namespace Ticker;

/// <summary>The request codec known for each type. Generated code registers one per request type; an application
/// may register its own, such as one over a <c>JsonSerializerContext</c>.</summary>
public static class TickerRequestCodecs
{
    /// <summary>Registers (or replaces) the codec for <typeparamref name="T"/>.</summary>
    public static void Register<T>(ITickerRequestCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(codec);

        Slot<T>.Codec = codec;
    }

    /// <summary>Registers a codec that uses a source-generated System.Text.Json type info.</summary>
    public static void Register<T>(JsonTypeInfo<T> typeInfo) => Register(FromJsonTypeInfo(typeInfo));

    /// <summary>Makes a codec from a source-generated System.Text.Json type info.</summary>
    public static ITickerRequestCodec<T> FromJsonTypeInfo<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);

        return new JsonTypeInfoRequestCodec<T>(typeInfo);
    }

    /// <summary>The codec registered for <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No codec is registered for the type.</exception>
    public static ITickerRequestCodec<T> Get<T>() =>
        Slot<T>.Codec ?? throw new InvalidOperationException(
            $"No request codec is registered for {typeof(T).FullName}. Declare a [TickerFunction] that takes " +
            $"TickerFunctionContext<{typeof(T).Name}> so the generator emits one, or call " +
            "TickerRequestCodecs.Register with a source-generated JsonTypeInfo.");

    /// <summary>Whether a codec is registered for <typeparamref name="T"/>.</summary>
    public static bool IsRegistered<T>() => Slot<T>.Codec is not null;

    private static class Slot<T>
    {
        public static ITickerRequestCodec<T>? Codec;
    }
}
