using Npgsql;
using NpgsqlTypes;

namespace Ticker;

/// <summary>The claim: one statement, or, when the claim carries function limits, the same claim behind an advisory
/// lock that makes counting the limited functions' running rows and claiming them one step across the cluster.</summary>
public sealed partial class PostgreSqlTickerStore
{
    /// <inheritdoc />
    /// <remarks>A claim with <see cref="TickerClaim.FunctionLimits"/> is a batch of two statements, one round trip in
    /// one implicit transaction: <c>pg_advisory_xact_lock</c> on a key of the schema, then the claim, which counts the
    /// rows in progress with a snapshot taken once the lock is held. Claims without limits take no lock.</remarks>
    public async Task<IReadOnlyList<TickerRecord>> ClaimDueAsync(TickerClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim.Owner);

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var claimed = claim.HasFunctionLimits
            ? await ClaimLimitedAsync(claim, cancellationToken).ConfigureAwait(false)
            : await ClaimUnlimitedAsync(claim, cancellationToken).ConfigureAwait(false);
        claimed.Sort(static (left, right) => left.ExecutionTime.CompareTo(right.ExecutionTime));

        return claimed;
    }

    private async Task<List<TickerRecord>> ClaimUnlimitedAsync(TickerClaim claim, CancellationToken token)
    {
        var command = _source.CreateCommand(_sql.Claim);
        await using (command.ConfigureAwait(false))
        {
            AddClaimParameters(command.Parameters, claim);

            return await PostgreSqlTickerRows.ReadAllAsync(command, token).ConfigureAwait(false);
        }
    }

    private async Task<List<TickerRecord>> ClaimLimitedAsync(TickerClaim claim, CancellationToken token)
    {
        var batch = _source.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            var takeLock = new NpgsqlBatchCommand(PostgreSqlTickerStatements.TakeClaimLock);
            takeLock.Parameters.Add(new NpgsqlParameter<string>("claim_key", NpgsqlDbType.Text)
            {
                TypedValue = _claimLockKey,
            });
            batch.BatchCommands.Add(takeLock);
            var claimLimited = new NpgsqlBatchCommand(_sql.ClaimLimited);
            AddClaimParameters(claimLimited.Parameters, claim);
            AddLimitParameters(claimLimited.Parameters, claim.FunctionLimits!);
            batch.BatchCommands.Add(claimLimited);

            return await ReadClaimedAsync(batch, token).ConfigureAwait(false);
        }
    }

    private void AddClaimParameters(NpgsqlParameterCollection parameters, TickerClaim claim)
    {
        parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz)
        {
            Value = _leaseClock?.GetUtcNow().UtcDateTime ?? (object)DBNull.Value,
        });
        parameters.Add(Typed("owner", NpgsqlDbType.Text, claim.Owner));
        parameters.Add(Typed("due_before", NpgsqlDbType.TimestampTz, PostgreSqlValues.Utc(claim.DueBefore)));
        parameters.Add(Typed("max_count", NpgsqlDbType.Integer, Math.Max(claim.MaxCount, 0)));
        parameters.Add(Typed("lease_length", NpgsqlDbType.Interval, claim.LeaseLength));
        parameters.Add(Typed("gate_key", NpgsqlDbType.Text, _cronGateKey));
        parameters.Add(Typed("skip_reason", NpgsqlDbType.Text, CronTickerOccurrence.OverlapSkippedReason));
    }

    private static void AddLimitParameters(
        NpgsqlParameterCollection parameters,
        IReadOnlyList<TickerFunctionLimit> limits)
    {
        var functions = new string[limits.Count];
        var counts = new int[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            functions[i] = limits[i].Function;
            counts[i] = limits[i].MaxConcurrency;
        }

        parameters.Add(Typed("limit_functions", NpgsqlDbType.Array | NpgsqlDbType.Text, functions));
        parameters.Add(Typed("limit_counts", NpgsqlDbType.Array | NpgsqlDbType.Integer, counts));
    }

    /// <summary>Skips the lock's one-row result and reads the claimed rows.</summary>
    private static async Task<List<TickerRecord>> ReadClaimedAsync(NpgsqlBatch batch, CancellationToken token)
    {
        var rows = new List<TickerRecord>();
        var reader = await batch.ExecuteReaderAsync(token).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.NextResultAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                rows.Add(PostgreSqlTickerRows.Read(reader));
            }
        }

        return rows;
    }

    private static NpgsqlParameter<T> Typed<T>(string name, NpgsqlDbType type, T value) =>
        new(name, type) { TypedValue = value };
}
