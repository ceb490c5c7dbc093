namespace Ticker;

/// <summary>The cluster-wide function limits of the claim (<see cref="TickerClaim.FunctionLimits"/>): one process holds
/// every lease of this store, so counting under the store's lock is exact.</summary>
public sealed partial class InMemoryTickerStore
{
    /// <summary>How many more rows of each limited function the claim may lease: its limit less the rows in progress,
    /// whoever holds them. <see langword="null"/> when the claim has no limits.</summary>
    private Dictionary<string, int>? RoomLeft(TickerClaim claim)
    {
        if (!claim.HasFunctionLimits)
        {
            return null;
        }

        var room = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var limit in claim.FunctionLimits!)
        {
            room[limit.Function] = limit.MaxConcurrency;
        }

        foreach (var (_, id) in _leaseIndex)
        {
            var function = _rows[id].Function;
            if (room.TryGetValue(function, out var left))
            {
                room[function] = left - 1;
            }
        }

        return room;
    }

    /// <summary>Takes one run of <paramref name="function"/> out of <paramref name="room"/>; <see langword="false"/>
    /// when the function is at its limit.</summary>
    private static bool TryTakeRoom(Dictionary<string, int>? room, string function)
    {
        if (room is null || !room.TryGetValue(function, out var left))
        {
            return true;
        }

        if (left <= 0)
        {
            return false;
        }

        room[function] = left - 1;

        return true;
    }

    /// <summary>A row that passed the overlap rule but found no room is not claimed after all, so its cron is not
    /// running because of it.</summary>
    private static void ReleaseOverlap(TickerRecord row, HashSet<Guid>? running)
    {
        if (row.CronOverlap != CronOverlapPolicy.Allow && row.CronTickerId is { } cronId)
        {
            running?.Remove(cronId);
        }
    }
}
