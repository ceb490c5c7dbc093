using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ticker.Harness;

/// <summary>
/// The private PostgreSQL server the PostgreSQL contenders share within one harness run: initialized in a temporary
/// folder and started on a free loopback port the first time a contender needs it, stopped and deleted when the
/// harness exits. Each contender run gets a fresh database. <c>pg_stat_statements</c> is loaded to count statements.
/// As root, the server runs as the <c>postgres</c> user. Settings: <c>fsync=off</c> (the figures compare schedulers,
/// not disks), 128 MB shared buffers, everything else default.
/// </summary>
internal sealed class PostgreSqlBenchServer
{
    private static readonly Lazy<PostgreSqlBenchServer> s_shared = new(Start);

    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PostgreSqlBenchServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public static PostgreSqlBenchServer Shared => s_shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 64,
    }.ConnectionString;

    /// <summary>Creates an empty database for one run.</summary>
    public PostgreSqlBenchDatabase CreateDatabase(string prefix)
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..8];
        Execute(ConnectionStringFor("postgres"), $"CREATE DATABASE \"{name}\"");

        return new PostgreSqlBenchDatabase(this, name);
    }

    /// <summary>Runs one statement and returns its first value.</summary>
    public static object? Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);

        return command.ExecuteScalar();
    }

    private static PostgreSqlBenchServer Start()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .FirstOrDefault(path => File.Exists(Path.Combine(path, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql/*/bin.");
        var folder = Directory.CreateTempSubdirectory("ticker-harness-pg-").FullName;
        var server = new PostgreSqlBenchServer(bin, folder, FreePort());
        server.Initialize();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();

        return server;
    }

    private void Initialize()
    {
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres", _folder]);
        }

        var data = Path.Combine(_folder, "data");
        RunTool("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        RunTool("pg_ctl", ["start", "-w", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-o",
            $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off " +
            "-c shared_buffers=128MB -c max_connections=300 -c shared_preload_libraries=pg_stat_statements " +
            "-c pg_stat_statements.track=all"]);
        Execute(ConnectionStringFor("postgres"), "CREATE EXTENSION pg_stat_statements");
    }

    private void Stop()
    {
        try
        {
            RunTool("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", Path.Combine(_folder, "data")]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunTool(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {output.Result}\n{error}");
        }
    }
}
