namespace Ticker;

/// <summary>Claimed tickers waiting in memory for their due time, earliest first.</summary>
internal sealed class DueTimerQueue
{
    private readonly PriorityQueue<TickerRecord, long> _queue = new();

    public int Count => _queue.Count;

    /// <summary>The earliest due time, or <see langword="null"/> when empty.</summary>
    public DateTime? NextDue => _queue.TryPeek(out var record, out _) ? record.ExecutionTime : null;

    public void Add(TickerRecord record) => _queue.Enqueue(record, record.ExecutionTime.Ticks);

    /// <summary>Removes the next ticker if it is due at or before <paramref name="now"/>.</summary>
    public bool TryTakeDue(DateTime now, out TickerRecord record)
    {
        if (_queue.TryPeek(out record!, out var due) && due <= now.Ticks)
        {
            _queue.Dequeue();

            return true;
        }

        return false;
    }

    public List<TickerRecord> Drain()
    {
        var all = new List<TickerRecord>(_queue.Count);
        while (_queue.TryDequeue(out var record, out _))
        {
            all.Add(record);
        }

        return all;
    }
}
