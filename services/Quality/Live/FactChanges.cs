namespace Mash.Quality.Live;

/// <summary>
/// Tells this replica's watches that facts changed: each consumer calls <see cref="Changed"/> once
/// its batch has committed, and a watch awaits <see cref="Next"/>, taken before it reads, so a change
/// during its read brings another read rather than being missed.
/// </summary>
internal sealed class FactChanges
{
    private TaskCompletionSource next = New();

    public Task Next => Volatile.Read(ref next).Task;

    public void Changed() => Interlocked.Exchange(ref next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
