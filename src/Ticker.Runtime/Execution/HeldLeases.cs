using System.Collections.Concurrent;

namespace Ticker;

/// <summary>The leases this node holds: claimed tickers whose outcome is not yet written.</summary>
internal sealed class HeldLeases
{
    private readonly ConcurrentDictionary<Guid, long> _fences = new();

    public int Count => _fences.Count;

    public void Add(TickerRecord record) => _fences[record.Id] = record.Fence;

    public void Remove(Guid id) => _fences.TryRemove(id, out _);

    public List<TickerLease> Snapshot() => _fences.Select(pair => new TickerLease(pair.Key, pair.Value)).ToList();
}
