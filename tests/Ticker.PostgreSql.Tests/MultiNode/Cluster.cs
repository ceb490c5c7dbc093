using System.Diagnostics;
using Npgsql;
using Ticker.PostgreSql.Tests.Support;

namespace Ticker.PostgreSql.Tests.MultiNode;

/// <summary>
/// A database of its own, the store's schema with an executions table, and the node processes sharing them. Jobs are
/// added by the test process through a store of its own, as another service would.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    private const string Schema = "ticker";

    private readonly List<NodeProcess> _nodes = [];
    private readonly string _connectionString;
    private readonly PostgreSqlTickerStore _store;

    private Cluster(string connectionString)
    {
        _connectionString = connectionString;
        _store = new PostgreSqlTickerStore(new PostgreSqlTickerStoreOptions
        {
            ConnectionString = connectionString,
            Schema = Schema,
        });
    }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    public static async Task<Cluster> CreateAsync(PostgreSqlServer server)
    {
        var connectionString = await server.CreateDatabaseAsync("cluster_" + Guid.NewGuid().ToString("N")[..10]);
        var cluster = new Cluster(connectionString);
        await cluster._store.InitializeAsync(default);
        await cluster.ExecuteAsync($"""
            CREATE TABLE "{Schema}".executions (
                ticker_id uuid NOT NULL, node text NOT NULL, attempt integer NOT NULL,
                at timestamptz NOT NULL DEFAULT clock_timestamp())
            """);

        return cluster;
    }

    /// <summary>Starts a node; <paramref name="settings"/> are extra <c>name=value</c> pairs.</summary>
    public Task<NodeProcess> StartNodeAsync(string name, params string[] settings) =>
        StartAsync(name, null, settings);

    /// <summary>Starts a node from a published binary.</summary>
    public Task<NodeProcess> StartPublishedNodeAsync(string name, string executable, params string[] settings) =>
        StartAsync(name, executable, settings);

    private async Task<NodeProcess> StartAsync(string name, string? executable, string[] settings)
    {
        var node = await NodeProcess.StartAsync(
            name, [$"connection={_connectionString}", $"schema={Schema}", .. settings], executable);
        _nodes.Add(node);

        return node;
    }

    /// <summary>Adds <paramref name="count"/> "Work" tickers due at <paramref name="due"/>, in batches of 1,000.</summary>
    public async Task<List<Guid>> AddJobsAsync(int count, DateTime due, int retries = 0)
    {
        var ids = new List<Guid>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var records = chunk.Select(_ => Job(due, retries)).ToList();
            var written = await _store.InsertAsync(records, default);
            Assert.True(written.IsApplied);
            ids.AddRange(records.Select(record => record.Id));
        }

        return ids;
    }

    /// <summary>Waits until every ticker has finished; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilAllFinishedAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (await UnfinishedAsync() != 0)
        {
            Assert.True(watch.Elapsed < timeout, $"Not finished after {timeout}. Node errors:\n{NodeErrors()}");
            await Task.Delay(25);
        }

        return watch.Elapsed;
    }

    /// <summary>How many tickers are idle or leased; -1 while the database cannot be reached.</summary>
    private async Task<long> UnfinishedAsync()
    {
        try
        {
            return await CountAsync("SELECT count(*) FROM ticker.tickers WHERE status IN (0, 1, 2)");
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }

    public Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    /// <summary>Runs per ticker: ticker id → number of executions.</summary>
    public async Task<Dictionary<Guid, int>> ExecutionsPerTickerAsync() =>
        await ReadPairsAsync<Guid, int>("SELECT ticker_id, count(*)::integer FROM ticker.executions GROUP BY ticker_id");

    /// <summary>Executions per node.</summary>
    public async Task<Dictionary<string, int>> ExecutionsPerNodeAsync() =>
        await ReadPairsAsync<string, int>("SELECT node, count(*)::integer FROM ticker.executions GROUP BY node");

    /// <summary>Tickers by status → count.</summary>
    public async Task<Dictionary<short, int>> StatusesAsync() =>
        await ReadPairsAsync<short, int>("SELECT status, count(*)::integer FROM ticker.tickers GROUP BY status");

    /// <summary>Fence → number of tickers with it: a ticker claimed exactly once has fence 1.</summary>
    public async Task<Dictionary<long, int>> FencesAsync() =>
        await ReadPairsAsync<long, int>("SELECT fence, count(*)::integer FROM ticker.tickers GROUP BY fence");

    /// <summary>Ticker id → retry count, for every ticker.</summary>
    public async Task<Dictionary<Guid, int>> RetryCountsAsync() =>
        await ReadPairsAsync<Guid, int>("SELECT id, retry_count FROM ticker.tickers");

    /// <summary>The ids of the tickers a node holds leases on.</summary>
    public async Task<HashSet<Guid>> LeasedByAsync(string node) =>
        [.. (await ReadPairsAsync<Guid, string>(
            $"SELECT id, lock_holder FROM ticker.tickers WHERE status = 2 AND lock_holder = '{node}'")).Keys];

    /// <summary>Waits until the server has ended every session of <paramref name="node"/>: a statement a killed node
    /// sent just before it died still runs to its end on the server, and may commit.</summary>
    public async Task WaitForSessionsToEndAsync(string node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{node}'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The sessions of {node} did not end.");
            await Task.Delay(20);
        }
    }

    public string NodeErrors() => string.Join("\n", _nodes.Select(node => $"[{node.Name}] {node.Errors}"));

    public async Task StopNodesAsync()
    {
        await Task.WhenAll(_nodes.Select(node => node.StopAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        await _store.DisposeAsync();
    }

    private static TickerRecord Job(DateTime due, int retries) => new()
    {
        Id = Guid.CreateVersion7(),
        Function = "Work",
        ExecutionTime = due,
        Retries = retries,
        RetryIntervals = [1],
        CreatedAt = due,
        UpdatedAt = due,
    };

    private async Task ExecuteAsync(string sql) => await ScalarAsync<object>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<TKey, TValue>> ReadPairsAsync<TKey, TValue>(string sql)
        where TKey : notnull
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new Dictionary<TKey, TValue>();
        while (await reader.ReadAsync())
        {
            pairs.Add(reader.GetFieldValue<TKey>(0), reader.GetFieldValue<TValue>(1));
        }

        return pairs;
    }
}
