using Grpc.Core;

namespace Mash.Importer.Replay;

/// <summary>
/// The platform is eventually consistent: Triage hears of a contact, and Outcomes of a decision, a
/// moment after it is written. A step that finds its record not there yet (NOT_FOUND,
/// FAILED_PRECONDITION) or a service busy or restarting (UNAVAILABLE, RESOURCE_EXHAUSTED) is tried
/// again with back-off until <paramref name="patience"/> has passed; then its last answer stands.
/// </summary>
internal sealed class Settling(TimeSpan patience)
{
    // An event reaches the services downstream a few hundred milliseconds after its write (the outbox
    // lets a moment's events gather for 100 ms): asked again sooner, a step is mostly refused again.
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    private int triedAgain;

    /// <summary>Calls tried again so far, across every step.</summary>
    public int TriedAgain => Volatile.Read(ref triedAgain);

    public static bool MaySettle(StatusCode code) =>
        code is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded;

    public async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTimeOffset.UtcNow + patience;
        var wait = FirstWait;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (MaySettle(e.StatusCode) && DateTimeOffset.UtcNow < giveUpAt)
            {
                Interlocked.Increment(ref triedAgain);
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }
}
