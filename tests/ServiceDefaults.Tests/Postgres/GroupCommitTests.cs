namespace Mash.ServiceDefaults.Tests.Postgres;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task A_lone_item_is_written_at_once_with_its_own_result()
    {
        var commits = new GroupCommit<int, string>(batch => Task.FromResult<IReadOnlyList<string>>([.. batch.Select(i => $"stored {i}")]), 10, 1);

        Assert.Equal("stored 7", await commits.SubmitAsync(7));
    }

    [Fact]
    public async Task Items_submitted_while_a_batch_is_written_are_written_together_in_the_next()
    {
        var writer = new HeldWriter();
        var commits = new GroupCommit<int, int>(writer.WriteAsync, 100, 1);
        var first = commits.SubmitAsync(0);
        await writer.Started.Task;

        var waiting = Enumerable.Range(1, 5).Select(commits.SubmitAsync).ToList();
        writer.Release();

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, await Task.WhenAll([first, .. waiting]));
        Assert.Equal(new int[][] { [0], [1, 2, 3, 4, 5] }, writer.Batches);
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_batch_size()
    {
        var writer = new HeldWriter();
        var commits = new GroupCommit<int, int>(writer.WriteAsync, 2, 1);
        var first = commits.SubmitAsync(0);
        await writer.Started.Task;

        var waiting = Enumerable.Range(1, 5).Select(commits.SubmitAsync).ToList();
        writer.Release();
        await Task.WhenAll([first, .. waiting]);

        Assert.Equal(new int[][] { [0], [1, 2], [3, 4], [5] }, writer.Batches);
    }

    [Fact]
    public async Task A_failed_write_fails_every_item_of_its_batch_and_the_next_batch_is_still_written()
    {
        var writer = new HeldWriter { FailFirst = true };
        var commits = new GroupCommit<int, int>(writer.WriteAsync, 2, 1);
        var first = commits.SubmitAsync(0);
        await writer.Started.Task;
        var behind = Enumerable.Range(1, 3).Select(commits.SubmitAsync).ToList();

        writer.Release();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("the database went away", failure.Message);
        Assert.Equal(new[] { 1, 2, 3 }, await Task.WhenAll(behind));
        Assert.Equal(new int[][] { [0], [1, 2], [3] }, writer.Batches);
    }

    [Fact]
    public async Task A_second_batch_is_written_beside_the_first_only_once_half_a_batch_waits()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int[]>();
        var commits = new GroupCommit<int, int>(async batch =>
        {
            bool isFirst;
            lock (batches)
            {
                batches.Add([.. batch]);
                isFirst = batches.Count == 1;
            }
            if (isFirst)
            {
                firstStarted.SetResult();
                await firstHeld.Task;
            }
            return batch;
        }, 4, 2);
        var first = commits.SubmitAsync(0);
        await firstStarted.Task;

        // One waiting is less than half a batch (2), so it starts no drain; the second does, and
        // that drain writes both while the first batch is still held.
        var one = commits.SubmitAsync(1);
        var two = commits.SubmitAsync(2);

        Assert.Equal(new[] { 1, 2 }, await Task.WhenAll(one, two));
        Assert.False(first.IsCompleted);
        Assert.Equal(new int[][] { [0], [1, 2] }, batches);
        firstHeld.SetResult();
        Assert.Equal(0, await first);
    }

    [Fact]
    public async Task No_more_than_the_allowed_batches_are_written_at_once()
    {
        var running = 0;
        var most = 0;
        var commits = new GroupCommit<int, int>(async batch =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
            return batch;
        }, 3, 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => commits.SubmitAsync(i))));

        Assert.Equal(Enumerable.Range(0, 200), results);
        Assert.InRange(most, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Records each batch; holds the first write until released, so a test can queue items behind it.</summary>
    private sealed class HeldWriter
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int[]> Batches { get; } = [];

        /// <summary>The first write fails (after its release), as a write does when the database goes away.</summary>
        public bool FailFirst { get; init; }

        public void Release() => release.SetResult();

        public async Task<IReadOnlyList<int>> WriteAsync(IReadOnlyList<int> batch)
        {
            lock (Batches)
            {
                Batches.Add([.. batch]);
            }
            var first = Started.TrySetResult();
            await release.Task;
            return first && FailFirst ? throw new InvalidOperationException("the database went away") : batch;
        }
    }
}
