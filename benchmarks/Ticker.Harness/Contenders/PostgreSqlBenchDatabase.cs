namespace Ticker.Harness;

/// <summary>
/// One contender run's database on the <see cref="PostgreSqlBenchServer"/>, with the counters the reports need:
/// write transactions (commits that assigned a transaction id, read from the server's next id, so exact and not
/// delayed like <c>pg_stat_database</c>; the server runs one contender at a time) and statements run in this database
/// (<c>pg_stat_statements</c>).
/// </summary>
internal sealed class PostgreSqlBenchDatabase(PostgreSqlBenchServer server, string name) : IDisposable
{
    private long _writesAtStart;
    private long _statementsAtStart;

    public string ConnectionString { get; } = server.ConnectionStringFor(name);

    /// <summary>Statements run in this database so far.</summary>
    public long Statements => Convert.ToInt64(PostgreSqlBenchServer.Execute(server.ConnectionStringFor("postgres"),
        "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid " +
        $"WHERE d.datname = '{name}'"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts counting from now (call once the contender's host has started).</summary>
    public void MarkStart()
    {
        _writesAtStart = NextTransactionId();
        _statementsAtStart = Statements;
    }

    /// <summary>Adds <c>db_write_transactions</c> and <c>db_statements</c> since <see cref="MarkStart"/>.</summary>
    public void AddCounters(Dictionary<string, double> profile)
    {
        profile["db_write_transactions"] = NextTransactionId() - _writesAtStart;
        profile["db_statements"] = Statements - _statementsAtStart;
    }

    /// <summary>Drops the database.</summary>
    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        PostgreSqlBenchServer.Execute(
            server.ConnectionStringFor("postgres"), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The id the server will give the next writing transaction; reading it assigns none.</summary>
    private long NextTransactionId() => Convert.ToInt64(PostgreSqlBenchServer.Execute(
        server.ConnectionStringFor("postgres"), "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"),
        System.Globalization.CultureInfo.InvariantCulture);
}
