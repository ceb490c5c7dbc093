using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Ticker.Benchmarks;

/// <summary>
/// The dispatch step of a run without the scheduler around it: finding the function by name in the
/// <see cref="TickerFunctionTable"/> (50 functions, as an app might have) and calling its descriptor's Invoke, against
/// calling the same method directly. A variant also builds the run's <see cref="TickerFunctionContext"/>, as the
/// executor does for every run.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const string Name = "Billing.SendInvoiceReminder";

    private TickerFunctionTable _table = null!;
    private TickerFunctionContext _context = null!;
    private ServiceProvider _services = null!;
    private readonly byte[] _request = "{\"orderId\":42}"u8.ToArray();
    private int _calls;

    [GlobalSetup]
    public void BuildTable()
    {
        var descriptors = Enumerable.Range(0, 49)
            .Select(i => new TickerFunctionDescriptor($"Module{i % 7}.Function{i}", (_, _) => ValueTask.CompletedTask))
            .Append(new TickerFunctionDescriptor(Name, Target));
        _table = new TickerFunctionTable(descriptors);
        _services = new ServiceCollection().BuildServiceProvider();
        _context = NewContext();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "direct call")]
    public ValueTask Direct() => Target(_context, CancellationToken.None);

    [Benchmark(Description = "table lookup + descriptor Invoke")]
    public ValueTask LookupAndInvoke()
    {
        _table.TryGet(Name, out var descriptor);
        return descriptor!.Invoke(_context, CancellationToken.None);
    }

    [Benchmark(Description = "lookup + new context + Invoke")]
    public ValueTask LookupContextAndInvoke()
    {
        _table.TryGet(Name, out var descriptor);
        return descriptor!.Invoke(NewContext(), CancellationToken.None);
    }

    private TickerFunctionContext NewContext() => new(
        Guid.Empty, Name, retryCount: 0, DateTime.UnixEpoch, _request, _services, CancellationToken.None);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask Target(TickerFunctionContext context, CancellationToken cancellationToken)
    {
        _calls += context.RetryCount + 1;
        return ValueTask.CompletedTask;
    }
}
