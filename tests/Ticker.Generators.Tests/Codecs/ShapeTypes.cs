using System.Text.Json.Serialization;

#pragma warning disable CA1819, CA2227, CA1720 // Request shapes mirror what users write: arrays, settable collections, type-named members.

namespace Ticker.Generators.Tests.Codecs;

public enum Color
{
    Red,
    Green,
    Blue = 7,
}

public enum Small : byte
{
    A = 1,
    B = 200,
}

public readonly record struct Point(int X, int Y);

public sealed class Address
{
    public string Street { get; set; } = "";

    public string? City { get; set; }

    public Address? Next { get; set; }
}

public class BaseRequest
{
    public Guid CorrelationId { get; set; }
}

public sealed class Everything : BaseRequest
{
    public bool Flag { get; set; }

    public byte Byte { get; set; }

    public sbyte SByte { get; set; }

    public short Short { get; set; }

    public ushort UShort { get; set; }

    public int Int { get; set; }

    public uint UInt { get; set; }

    public long Long { get; set; }

    public ulong ULong { get; set; }

    public float Float { get; set; }

    public double Double { get; set; }

    public decimal Money { get; set; }

    public char Letter { get; set; }

    public string Text { get; set; } = "";

    public string? MaybeText { get; set; }

    public DateTime When { get; set; }

    public DateTimeOffset WhenOffset { get; set; }

    public TimeSpan Duration { get; set; }

    public DateOnly Day { get; set; }

    public TimeOnly Time { get; set; }

    public byte[]? Blob { get; set; }

    public Color Color { get; set; }

    public Small Small { get; set; }

    public Color? MaybeColor { get; set; }

    public int? MaybeInt { get; set; }

    public Point Point { get; set; }

    public Point? MaybePoint { get; set; }

    public int[] Numbers { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];

    public IReadOnlyDictionary<string, Address>? Places { get; set; }

    public List<int?[]>? Jagged { get; set; }

    public Address Home { get; set; } = new();

    [JsonPropertyName("renamed_value")]
    public int Renamed { get; set; }

    [JsonIgnore]
    public int Ignored { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnlyWhenSet { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int OnlyWhenNotZero { get; set; }

    public int Computed => Int * 2;

    public required string Needed { get; init; }
}

public sealed record Positional(string Name, int Count, IReadOnlyList<Positional>? Children)
{
    public string? Extra { get; init; }
}
