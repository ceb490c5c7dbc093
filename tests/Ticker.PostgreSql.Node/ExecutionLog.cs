using Npgsql;

namespace Ticker.PostgreSql.Node;

/// <summary>The table the "Work" function writes one row to per run, so tests can count runs per ticker.</summary>
internal sealed class ExecutionLog(NpgsqlDataSource source, string schema, string node)
{
    private readonly string _insert =
        $"INSERT INTO \"{schema}\".executions (ticker_id, node, attempt) VALUES (@id, @node, @attempt)";

    public async Task RecordAsync(TickerFunctionContext context, CancellationToken token)
    {
        await using var command = source.CreateCommand(_insert);
        command.Parameters.AddWithValue("id", context.Id);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("attempt", context.RetryCount);
        await command.ExecuteNonQueryAsync(token);
    }
}
