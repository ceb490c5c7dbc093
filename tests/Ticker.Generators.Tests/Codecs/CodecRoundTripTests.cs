using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ticker.Generators.Tests.Codecs;

/// <summary>The generated codecs write what System.Text.Json's source-generated serializers write, and read it back.</summary>
public sealed class CodecRoundTripTests
{
    public static TheoryData<string> EverythingSamples => ["full", "empty", "nulls"];

    [Theory]
    [MemberData(nameof(EverythingSamples))]
    public void Everything_encodes_like_System_Text_Json(string sample)
    {
        var value = Sample(sample);

        AssertSameJson(TickerFunctions.Codec_Everything.Encode(value), value, ShapesJsonContext.Default.Everything);
    }

    [Theory]
    [MemberData(nameof(EverythingSamples))]
    public void Everything_decodes_what_System_Text_Json_wrote(string sample)
    {
        AssertRoundTrip(Sample(sample), ShapesJsonContext.Default.Everything);
    }

    [Fact]
    public void A_record_with_a_constructor_and_nested_children_round_trips()
    {
        var value = new Positional("root", 2, [new Positional("leaf", 0, null) { Extra = "x" }]);

        AssertSameJson(TickerFunctions.Codec_Positional.Encode(value), value, ShapesJsonContext.Default.Positional);
        AssertRoundTrip(value, ShapesJsonContext.Default.Positional);
    }

    [Fact]
    public void A_struct_request_round_trips()
    {
        var value = new Point(-3, int.MaxValue);

        AssertSameJson(TickerFunctions.Codec_Point.Encode(value), value, ShapesJsonContext.Default.Point);
        Assert.Equal(value, TickerRequestCodecs.Get<Point>().Decode(TickerFunctions.Codec_Point.Encode(value)));
    }

    [Fact]
    public void A_list_request_round_trips()
    {
        List<Address> value = [new() { Street = "Main \"1\"", City = "Zürich" }, new() { Street = "<b>", Next = new() }];

        AssertSameJson(TickerFunctions.Codec_Addresses.Encode(value), value, ShapesJsonContext.Default.ListAddress);
        AssertRoundTrip(value, ShapesJsonContext.Default.ListAddress);
    }

    [Fact]
    public void Unknown_properties_are_skipped_and_missing_ones_keep_their_defaults()
    {
        var json = "{\"Name\":\"n\",\"Unknown\":{\"a\":[1,{\"b\":2}]},\"Count\":4}"u8;

        var decoded = TickerRequestCodecs.Get<Positional>().Decode(json);

        Assert.Equal(new Positional("n", 4, null), decoded);
    }

    [Fact]
    public void Property_names_are_matched_as_written()
    {
        var decoded = TickerRequestCodecs.Get<Point>().Decode("{\"x\":1,\"Y\":2}"u8);

        Assert.Equal(new Point(0, 2), decoded);
    }

    [Fact]
    public void A_null_byte_array_stays_null_where_the_System_Text_Json_fast_path_writes_an_empty_string()
    {
        var value = new Everything { Needed = "n", Blob = null };

        var ours = Encoding.UTF8.GetString(TickerFunctions.Codec_Everything.Encode(value));
        var reference = JsonSerializer.Serialize(value, ShapesJsonContext.Default.Everything);

        Assert.Contains("\"Blob\":null", ours, StringComparison.Ordinal);
        Assert.Equal(reference.Replace("\"Blob\":\"\"", "\"Blob\":null", StringComparison.Ordinal), ours);
        Assert.Null(TickerRequestCodecs.Get<Everything>().Decode(Encoding.UTF8.GetBytes(ours)).Blob);
    }

    private static void AssertSameJson<T>(byte[] ours, T value, JsonTypeInfo<T> typeInfo)
    {
        Assert.Equal(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)), Encoding.UTF8.GetString(ours));
    }

    private static void AssertRoundTrip<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var reference = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        var decoded = TickerRequestCodecs.Get<T>().Decode(reference);

        Assert.Equal(Encoding.UTF8.GetString(reference), JsonSerializer.Serialize(decoded, typeInfo));
    }

    private static Everything Sample(string name) => name switch
    {
        "full" => Full(),
        "nulls" => new Everything
        {
            Needed = "n", Text = null!, Tags = null!, Numbers = null!, Counts = null!, Home = null!, Blob = [],
        },
        _ => new Everything { Needed = "", Blob = [] },
    };

    private static Everything Full() => new()
    {
        CorrelationId = Guid.Parse("8f1d1a52-8c0e-4f7b-9d3c-2a1b0c9d8e7f"),
        Flag = true,
        Byte = 255,
        SByte = -128,
        Short = short.MinValue,
        UShort = ushort.MaxValue,
        Int = -42,
        UInt = uint.MaxValue,
        Long = long.MinValue,
        ULong = ulong.MaxValue,
        Float = 3.25f,
        Double = 1.0 / 3,
        Money = 12345.6789m,
        Letter = 'é',
        Text = "line\nbreak \"quoted\" <tag> & ünïcode 🎉",
        MaybeText = "maybe",
        When = new DateTime(2024, 2, 29, 13, 45, 30, 123, DateTimeKind.Utc).AddTicks(4567),
        WhenOffset = new DateTimeOffset(2024, 3, 31, 2, 30, 0, TimeSpan.FromHours(2)),
        Duration = new TimeSpan(3, 4, 5, 6, 789),
        Day = new DateOnly(2025, 12, 31),
        Time = new TimeOnly(23, 59, 58, 999),
        Blob = [0, 1, 2, 250, 255],
        Color = Color.Blue,
        Small = Small.B,
        MaybeColor = Color.Green,
        MaybeInt = 7,
        Point = new Point(1, 2),
        MaybePoint = new Point(3, 4),
        Numbers = [1, -2, 3],
        Tags = ["a", "b"],
        Addresses = [new Address { Street = "S", City = null, Next = new Address { Street = "T" } }],
        Counts = new() { ["one"] = 1, ["two"] = 2 },
        Places = new Dictionary<string, Address> { ["home"] = new() { Street = "H" } },
        Jagged = [[1, null], []],
        Home = new Address { Street = "Home" },
        Renamed = 9,
        Ignored = 10,
        OnlyWhenSet = "set",
        OnlyWhenNotZero = 11,
        Needed = "needed",
    };
}
