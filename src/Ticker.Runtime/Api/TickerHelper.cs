using System.Text.Json;

namespace Ticker;

/// <summary>Encodes and decodes ticker requests through the registered, reflection-free codecs.</summary>
public static class TickerHelper
{
    /// <summary>Encodes a request for <see cref="TimeTickerEntity.Request"/>.</summary>
    /// <exception cref="InvalidOperationException">No codec is registered for <typeparamref name="T"/>.</exception>
    public static byte[] CreateTickerRequest<T>(T data) => TickerRequestCodecs.Get<T>().Encode(data);

    /// <summary>Decodes a stored request.</summary>
    /// <exception cref="InvalidOperationException">No codec is registered for <typeparamref name="T"/>.</exception>
    /// <exception cref="JsonException">The bytes are not a valid <typeparamref name="T"/>.</exception>
    public static T ReadTickerRequest<T>(ReadOnlySpan<byte> request) => TickerRequestCodecs.Get<T>().Decode(request);

    /// <summary>Decodes the request of a run for its function. Called by generated dispatch code; a missing or invalid
    /// request becomes a <see cref="TickerRequestException"/>, so the function is never called with a null request.</summary>
    public static T DecodeRunRequest<T>(TickerFunctionContext context, ITickerRequestCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(codec);

        if (context.RawRequest.IsEmpty)
        {
            throw new TickerRequestException(
                $"Ticker {context.Id} has no request, but function '{context.FunctionName}' needs a {typeof(T).Name}.");
        }

        try
        {
            return codec.Decode(context.RawRequest.Span);
        }
        catch (JsonException exception)
        {
            throw new TickerRequestException(
                $"The request of ticker {context.Id} is not a valid {typeof(T).Name} for function " +
                $"'{context.FunctionName}': {exception.Message}",
                exception);
        }
    }
}
