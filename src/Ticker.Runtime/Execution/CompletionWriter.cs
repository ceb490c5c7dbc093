using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Ticker;

/// <summary>
/// Collects outcomes from the workers and writes them to the store in batches, one round trip per batch. A failing
/// store is retried with capped back-off; an outcome is dropped only when its lease was taken over.
/// </summary>
internal sealed class CompletionWriter(
    ITickerStore store,
    HeldLeases held,
    SchedulerWakeSignal wakeSignal,
    StoreBackoff backoff,
    TimeProvider time,
    ILogger<CompletionWriter> logger)
{
    private const int MaxBatch = 1024;

    private readonly Channel<TickerCompletion> _outcomes =
        Channel.CreateUnbounded<TickerCompletion>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(TickerCompletion completion)
    {
        _outcomes.Writer.TryWrite(completion);
        held.Finish();
    }

    /// <summary>No more outcomes will be posted; <see cref="RunAsync"/> ends once it has written the rest.</summary>
    public void Complete() => _outcomes.Writer.TryComplete();

    /// <summary>Writes batches until <see cref="Complete"/> was called and everything is written. Not tied to the
    /// host's stopping token: outcomes of finished runs must reach the store.</summary>
    public async Task RunAsync(CancellationToken abandon)
    {
        var batch = new List<TickerCompletion>(MaxBatch);
        while (await _outcomes.Reader.WaitToReadAsync(abandon).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _outcomes.Reader.TryRead(out var completion))
            {
                batch.Add(completion);
            }

            await WriteAsync(batch, abandon).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<TickerCompletion> batch, CancellationToken abandon)
    {
        var written = await backoff.RetryAsync(
            token => store.CompleteAsync(batch, token),
            (delay, exception) => Log.CompletionFailed(logger, batch.Count, delay, exception),
            abandon).ConfigureAwait(false);
        if (written < batch.Count)
        {
            Log.CompletionsFenced(logger, batch.Count - written);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var earliest = DateTime.MaxValue;
        foreach (var completion in batch)
        {
            held.Remove(completion.Id);
            var next = completion.IsFinal ? now : completion.ExecutionTime;
            earliest = next < earliest ? next : earliest;
        }

        // A retry is due again later and a final outcome may have released children now; either way the scheduler's
        // idea of the store's next wake time is stale.
        wakeSignal.Notify(earliest);
    }
}
