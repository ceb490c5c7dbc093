using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Ticker.Benchmarks;

/// <summary>
/// What the generator emits, against hand-written and System.Text.Json equivalents: the generated request codec
/// against a source-generated <see cref="JsonSerializerContext"/>, and dispatch through the generated invoker (table
/// lookup, request decode, typed context, call) against decoding and calling the method directly.
/// </summary>
[MemoryDiagnoser]
public class GeneratedCodeBenchmarks
{
    private static int s_calls;
    private readonly ReminderRequest _request =
        new("order-42", "ada@example.com", 3, DateTime.UnixEpoch, ["vip", "eu"]);
    private byte[] _encoded = [];
    private TickerFunctionTable _table = null!;
    private ServiceProvider _services = null!;
    private TickerFunctionContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _encoded = TickerFunctions.SendReminder.Encode(_request);
        _table = new TickerFunctionTable(TickerFunctionRegistry.Registered);
        _services = new ServiceCollection().BuildServiceProvider();
        _context = new TickerFunctionContext(
            Guid.Empty, TickerFunctions.SendReminder.Name, 0, DateTime.UnixEpoch, _encoded, _services, default);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "encode: generated codec")]
    public byte[] EncodeGenerated() => TickerFunctions.SendReminder.Encode(_request);

    [Benchmark(Description = "encode: System.Text.Json source-generated")]
    public byte[] EncodeSystemTextJson() =>
        JsonSerializer.SerializeToUtf8Bytes(_request, BenchmarkJson.Default.ReminderRequest);

    [Benchmark(Description = "decode: generated codec")]
    public ReminderRequest DecodeGenerated() => TickerHelper.ReadTickerRequest<ReminderRequest>(_encoded);

    [Benchmark(Description = "decode: System.Text.Json source-generated")]
    public ReminderRequest DecodeSystemTextJson() =>
        JsonSerializer.Deserialize(_encoded, BenchmarkJson.Default.ReminderRequest)!;

    [Benchmark(Description = "dispatch: decode + typed context + direct call")]
    public ValueTask DecodeAndCallDirectly()
    {
        var request = TickerHelper.ReadTickerRequest<ReminderRequest>(_encoded);
        return ReminderJobs.SendReminder(new TickerFunctionContext<ReminderRequest>(_context, request));
    }

    [Benchmark(Description = "dispatch: generated table lookup + invoker")]
    public ValueTask GeneratedDispatch()
    {
        _table.TryGet(TickerFunctions.SendReminder.Name, out var function);
        return function!.Invoke(_context, CancellationToken.None);
    }

    /// <summary>The function the generator sees; it only counts calls so the benchmark measures dispatch.</summary>
    public static class ReminderJobs
    {
        [TickerFunction("SendReminder")]
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ValueTask SendReminder(TickerFunctionContext<ReminderRequest> context)
        {
            s_calls += context.Request.Attempt;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A typical request: strings, a number, a time and a list.</summary>
public sealed record ReminderRequest(string OrderId, string Email, int Attempt, DateTime DueAt, List<string> Tags);

[JsonSerializable(typeof(ReminderRequest))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
