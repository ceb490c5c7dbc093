namespace Ticker.Generators.Tests.Codecs;

/// <summary>Functions that make the generator emit a codec for each shape.</summary>
public static class CodecFunctions
{
    [TickerFunction("Codec.Everything")]
    public static void Everything(TickerFunctionContext<Everything> context) => _ = context;

    [TickerFunction("Codec.Positional")]
    public static void Positional(TickerFunctionContext<Positional> context) => _ = context;

    [TickerFunction("Codec.Point")]
    public static void Point(TickerFunctionContext<Point> context) => _ = context;

    [TickerFunction("Codec.Addresses")]
    public static void Addresses(TickerFunctionContext<List<Address>> context) => _ = context;
}
