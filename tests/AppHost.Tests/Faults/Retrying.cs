using System.Net.Sockets;
using Grpc.Core;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// What a well-behaved frontline app retries, and how: UNAVAILABLE (the service or its database is
/// down), RESOURCE_EXHAUSTED (Intake shedding load), a passed deadline, and a connection that failed
/// or broke mid-call; always with the same request, after a back-off with full jitter so that
/// clients do not come back in step. Anything else is an answer, not a fault.
/// </summary>
internal static class Retrying
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    /// <summary>Long enough for a group commit on a loaded machine; a hung call is retried after it.</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(15);

    public static bool IsTransient(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded
        || IsConnectionFailure(e.Status.DebugException);

    /// <summary>Full jitter: anywhere between zero and the doubled back-off, capped.</summary>
    public static TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>Calls until an answer that is not transient (returned, or thrown as it came).</summary>
    public static async Task<T> CallAsync<T>(Func<DateTime, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            try
            {
                return await call(DateTime.UtcNow + CallDeadline, cancellationToken);
            }
            catch (RpcException e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(failures), cancellationToken);
            }
        }
    }

    private static bool IsConnectionFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or SocketException)
            {
                return true;
            }
        }
        return false;
    }
}
