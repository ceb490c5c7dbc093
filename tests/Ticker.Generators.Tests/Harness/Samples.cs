namespace Ticker.Generators.Tests.Harness;

/// <summary>Source texts the generator tests compile.</summary>
internal static class Samples
{
    public const string Email = """
        using System.Threading;
        using System.Threading.Tasks;
        using Ticker;

        namespace Shop.Mail;

        public sealed record EmailRequest(string To, string Subject);

        public interface IMailer
        {
            Task SendAsync(string to, string subject, CancellationToken cancellationToken);
        }

        public sealed class EmailJobs(IMailer mailer) : System.IDisposable
        {
            [TickerFunction("SendEmail", Priority = TickerPriority.High, MaxConcurrency = 4)]
            public Task SendAsync(TickerFunctionContext<EmailRequest> context, CancellationToken cancellationToken) =>
                mailer.SendAsync(context.Request.To, context.Request.Subject, cancellationToken);

            public void Dispose()
            {
            }
        }

        public static class Maintenance
        {
            [TickerFunction("CleanUp", "0 0 3 * * *")]
            public static void CleanUp()
            {
            }
        }
        """;

    public const string Shapes = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Ticker;

        namespace Shapes.Deep.Down;

        public enum Color { Red, Green, Blue = 7 }

        public enum Small : byte { A = 1, B = 200 }

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
            public Dictionary<string, int> Counts { get; set; } = new();
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

        public static class Outer
        {
            public sealed class Inner
            {
                public int Value { get; set; }
            }

            public struct Jobs
            {
                [TickerFunction("Struct.Function")]
                public readonly ValueTask RunAsync(CancellationToken cancellationToken, TickerFunctionContext<Inner> context) =>
                    ValueTask.CompletedTask;
            }
        }

        public sealed record RecordJobs
        {
            [TickerFunction("Everything")]
            public static Task RunAsync(TickerFunctionContext<Everything> context) => Task.CompletedTask;

            [TickerFunction("Positional")]
            public static void Run(TickerFunctionContext context, TickerFunctionContext<Positional> typed)
            {
            }

            [TickerFunction("Points")]
            internal static ValueTask PointsAsync(TickerFunctionContext<Point> context) => default;

            [TickerFunction("Lists")]
            public static void Lists(TickerFunctionContext<List<Address>> context)
            {
            }
        }

        public sealed class AsyncDisposableJobs(IServiceProvider services, Address address) : IAsyncDisposable
        {
            [TickerFunction("AsyncDisposable")]
            public void Run(TickerFunctionContext context) => _ = (services, address);

            public ValueTask DisposeAsync() => default;
        }

        public sealed class DisposableJobs : IDisposable
        {
            [TickerFunction("Disposable.Void")]
            public void Run()
            {
            }

            public void Dispose()
            {
            }
        }

        internal sealed class InternalRequest
        {
            public int Value { get; set; }
        }

        internal static class InternalJobs
        {
            [TickerFunction("internal-request")]
            public static Task RunAsync(TickerFunctionContext<InternalRequest> context) => Task.CompletedTask;
        }
        """;

    public const string GlobalNamespace = """
        using Ticker;

        public class GlobalJobs
        {
            [TickerFunction("class")]
            public void Keyword()
            {
            }

            [TickerFunction("TickerFunctions")]
            public static void SameAsContainer()
            {
            }

            [TickerFunction("Name")]
            public static void SameAsConstant()
            {
            }

            [TickerFunction("a.b")]
            public static void Dotted()
            {
            }

            [TickerFunction("a_b")]
            public static void Underscored()
            {
            }

            [TickerFunction("1st run")]
            public static void StartsWithDigit()
            {
            }
        }
        """;
}
