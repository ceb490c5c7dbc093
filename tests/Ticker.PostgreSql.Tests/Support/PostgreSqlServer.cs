using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ticker.PostgreSql.Tests.Support;

/// <summary>
/// A private PostgreSQL server for the test run: initialized in a temporary folder, started on a free loopback port,
/// stopped and deleted at the end. Run as root, the server runs as the <c>postgres</c> user (PostgreSQL refuses to
/// run as root). Missing binaries fail the tests with a message that says how to install them; nothing is skipped.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string BinariesVariable = "TICKER_PG_BIN";

    private readonly string _bin = FindBinaries();
    private readonly string _folder = Directory.CreateTempSubdirectory("ticker-pg-").FullName;
    private bool _running;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string to the server's <c>postgres</c> database as superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The connection string for database <paramref name="database"/> of this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Timeout = 5,
        MaxPoolSize = 50,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres", _folder]);
        }

        await RunPostgresToolAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        await StartAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many statements sessions of <paramref name="database"/> have run, counted by
    /// <c>pg_stat_statements</c> as each statement ends.</summary>
    public async Task<long> StatementsRunInAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid " +
            "WHERE d.datname = @database",
            connection);
        command.Parameters.AddWithValue("database", database);

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Starts the server, on a new free port the first time and on the same port afterwards.</summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = Port == 0 || attempt > 1 ? FreePort() : Port;
            try
            {
                await RunPostgresToolAsync("pg_ctl", ["start", "-w", "-t", "30", "-D", DataFolder, "-l", LogFile, "-o", ServerOptions]);
                _running = true;

                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was taken between the check and the start; try another.
            }
        }
    }

    /// <summary>Stops the server: <c>fast</c> disconnects clients and shuts down cleanly, <c>immediate</c> aborts.
    /// </summary>
    public async Task StopAsync(string mode = "fast")
    {
        if (!_running)
        {
            return;
        }

        await RunPostgresToolAsync("pg_ctl", ["stop", "-w", "-m", mode, "-D", DataFolder]);
        _running = false;

        // Pooled connections of this process died with the server; the next test must not be handed one.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();

        return ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync("immediate");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string LogFile => Path.Combine(_folder, "server.log");

    private string ServerOptions =>
        $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off " +
        "-c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB " +
        "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all";

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable(BinariesVariable);
        var candidates = configured is { Length: > 0 }
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(version => Path.Combine(version, "bin"))
                    .OrderByDescending(bin => bin, StringComparer.Ordinal)
                    .ToArray()
                : [];
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests start their own server, but no PostgreSQL binaries were found (initdb and " +
                $"pg_ctl in /usr/lib/postgresql/*/bin, or in the folder named by {BinariesVariable}). Install them " +
                "with 'apt-get install -y postgresql' (.ci/run does this on a fresh machine).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);

        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}\n{log}");
        }
    }
}
