namespace Mash.ServiceDefaults;

/// <summary>
/// Group commit: items submitted concurrently are written together, one transaction for many, so
/// the cost of a commit (a WAL flush) is shared instead of paid by each. Whoever submits first
/// starts a drain that takes everything waiting (up to <paramref name="maxBatch"/>) and hands it to
/// <paramref name="writeBatch"/>; what arrives meanwhile waits for the next batch. At most
/// <paramref name="maxConcurrentBatches"/> batches are written at once, the others only while half a
/// batch or more is waiting. Each submitter's task
/// completes only when its batch's write has returned, with its own result or the batch's failure.
/// </summary>
/// <remarks>
/// No background service: a drain ends when nothing is waiting and the next submission starts one,
/// so an idle service holds nothing and a stopping one finishes its batches while its calls drain.
/// </remarks>
public sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeBatch, int maxBatch, int maxConcurrentBatches)
{
    private readonly Lock gate = new();
    private readonly Queue<Waiting> waiting = new();
    private int drains;

    public Task<TResult> SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startDrain;
        lock (gate)
        {
            waiting.Enqueue(new(item, done));
            // A further drain only for a backlog of half a batch: under light load one drain keeps
            // batches as large as the load allows, while under bulk load the next batch is written
            // as the last one commits.
            startDrain = drains == 0 || (drains < maxConcurrentBatches && waiting.Count >= Math.Max(1, maxBatch / 2));
            if (startDrain)
            {
                drains++;
            }
        }
        if (startDrain)
        {
            _ = Task.Run(DrainAsync);
        }
        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                var results = await writeBatch([.. batch.Select(w => w.Item)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Up to <c>maxBatch</c> waiting items, or null (and this drain ends) when none wait.</summary>
    private List<Waiting>? TakeBatch()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                drains--;
                return null;
            }
            var batch = new List<Waiting>(Math.Min(waiting.Count, maxBatch));
            while (batch.Count < maxBatch && waiting.TryDequeue(out var next))
            {
                batch.Add(next);
            }
            return batch;
        }
    }

    private sealed record Waiting(TItem Item, TaskCompletionSource<TResult> Done);
}
