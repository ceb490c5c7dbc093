using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ticker.Harness;

/// <summary>Ticker in a generic host with one hand-registered function, "Probe", whose request is the job index. Its
/// store, whichever it is, is always wrapped in a <see cref="CountingTickerStore"/>: one counter increment per store
/// call, which is per batch, costs nothing measurable and gives the round trips and transactions per job.</summary>
internal sealed class TickerContender(TickerStoreKind storeKind, RunProbe probe, ContenderSettings settings)
    : IContender, ICronContender
{
    private const string FunctionName = "Probe";

    private IHost? _host;
    private ITimeTickerManager<TimeTickerEntity>? _manager;
    private ICronTickerManager<CronTickerEntity>? _crons;
    private CountingTickerStore? _counter;
    private string? _directory;
    private PostgreSqlBenchDatabase? _database;

    public long? StoreQueries => _counter?.Calls;

    public Dictionary<string, double> StoreProfile()
    {
        var profile = new Dictionary<string, double>();
        if (_counter is null)
        {
            return profile;
        }

        profile["store_calls"] = _counter.Calls;
        profile["store_writes"] = _counter.Writes;
        _database?.AddCounters(profile);
        foreach (var (operation, (calls, milliseconds)) in _counter.Snapshot().Where(pair => pair.Value.Calls > 0))
        {
            profile[$"store.{operation}.calls"] = calls;
            profile[$"store.{operation}.ms"] = milliseconds;
        }

        return profile;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = HarnessHost.CreateBuilder();
        var ticker = builder.Services
            .AddTicker(options =>
            {
                options.MaxConcurrency = settings.Concurrency;
                options.ClaimAhead = settings.TickerClaimAhead ?? options.ClaimAhead;
            })
            .AddFunction(new TickerFunctionDescriptor(FunctionName, Run));
        if (storeKind == TickerStoreKind.Sqlite)
        {
            _directory = Directory.CreateTempSubdirectory("ticker-harness-").FullName;
            ticker.UseSqliteStore(Path.Combine(_directory, "ticker.db"));
        }
        else if (storeKind == TickerStoreKind.PostgreSql && settings.SharedDatabase is { } shared)
        {
            ticker.UsePostgreSqlStore(shared);
        }
        else if (storeKind == TickerStoreKind.PostgreSql)
        {
            _database = PostgreSqlBenchServer.Shared.CreateDatabase("ticker");
            ticker.UsePostgreSqlStore(_database.ConnectionString);
        }

        DecorateStore(builder.Services);
        _host = builder.Build();
        _manager = _host.Services.GetRequiredService<ITimeTickerManager<TimeTickerEntity>>();
        _crons = _host.Services.GetRequiredService<ICronTickerManager<CronTickerEntity>>();
        await _host.StartAsync(cancellationToken);
        _database?.MarkStart();
    }

    public async Task AddDueNowAsync(int firstIndex, int count, CancellationToken cancellationToken)
    {
        var end = firstIndex + count;
        for (var start = firstIndex; start < end; start += settings.AddBatch)
        {
            var batch = new List<TimeTickerEntity>(Math.Min(settings.AddBatch, end - start));
            for (var index = start; index < end && batch.Count < settings.AddBatch; index++)
            {
                batch.Add(NewTicker(index, dueTime: null));
            }

            await AddAsync(batch, cancellationToken);
        }
    }

    public async Task AddAtAsync(IReadOnlyList<DateTime> dueTimes, CancellationToken cancellationToken)
    {
        for (var start = 0; start < dueTimes.Count; start += settings.AddBatch)
        {
            var batch = new List<TimeTickerEntity>(Math.Min(settings.AddBatch, dueTimes.Count - start));
            for (var index = start; index < dueTimes.Count && batch.Count < settings.AddBatch; index++)
            {
                batch.Add(NewTicker(index, dueTimes[index]));
            }

            await AddAsync(batch, cancellationToken);
        }
    }

    public async Task AddDailyCronsAsync(IReadOnlyList<DailyCron> crons, CancellationToken cancellationToken)
    {
        foreach (var chunk in crons.Chunk(settings.AddBatch))
        {
            var batch = chunk.Select(cron => new CronTickerEntity
            {
                Function = FunctionName,
                Expression = string.Create(CultureInfo.InvariantCulture,
                    $"{cron.At.Second} {cron.At.Minute} {cron.At.Hour} * * *"),
                Request = Encoding.ASCII.GetBytes(cron.Index.ToString(CultureInfo.InvariantCulture)),
            }).ToList();
            var result = await _crons!.AddBatchAsync(batch, cancellationToken);
            EnsureSucceeded(result.IsSucceeded, result.Exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        _database?.Dispose();
    }

    private static TimeTickerEntity NewTicker(int index, DateTime? dueTime) => new()
    {
        Function = FunctionName,
        ExecutionTime = dueTime,
        Request = Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Replaces the registered store with a counting decorator around it, whichever store it is.</summary>
    private void DecorateStore(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(ITickerStore));
        services.Remove(registered);
        services.AddSingleton<ITickerStore>(provider =>
        {
            var inner = registered.ImplementationInstance as ITickerStore
                ?? registered.ImplementationFactory?.Invoke(provider) as ITickerStore
                ?? (ITickerStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
            _counter = new CountingTickerStore(inner);
            return _counter;
        });
    }

    private async Task AddAsync(List<TimeTickerEntity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            var single = await _manager!.AddAsync(batch[0], cancellationToken);
            EnsureSucceeded(single.IsSucceeded, single.Exception);
            return;
        }

        var result = await _manager!.AddBatchAsync(batch, cancellationToken);
        EnsureSucceeded(result.IsSucceeded, result.Exception);
    }

    private static void EnsureSucceeded(bool succeeded, Exception? exception)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("Ticker refused a job: " + exception?.Message, exception);
        }
    }

    private ValueTask Run(TickerFunctionContext context, CancellationToken cancellationToken)
    {
        if (!Utf8Parser.TryParse(context.RawRequest.Span, out int index, out _))
        {
            throw new InvalidOperationException("The probe's request is not a job index.");
        }

        probe.Hit(index);
        return ValueTask.CompletedTask;
    }
}
