using System.Buffers;
using System.Text.Json;

namespace Ticker;

/// <summary>Encodes requests for generated codecs with a JSON writer kept per thread, so that encoding allocates only
/// the resulting byte array.</summary>
public static class TickerJsonEncoding
{
    // A buffer grown past this by one large request is not kept, so a thread does not hold it for ever.
    private const int LargestKeptBuffer = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and returns the UTF-8 JSON.</summary>
    public static byte[] Encode<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);

        // Taken out while in use, so that an encode nested inside write gets writers of its own.
        var buffer = s_buffer ?? new ArrayBufferWriter<byte>(256);
        var writer = s_writer ?? new Utf8JsonWriter(buffer);
        (s_buffer, s_writer) = (null, null);
        try
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            write(writer, value);
            writer.Flush();

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= LargestKeptBuffer)
            {
                (s_buffer, s_writer) = (buffer, writer);
            }
        }
    }
}
