namespace Mash.ServiceDefaults;

/// <summary>
/// Decides which of the calls <see cref="DatabaseUnavailableInterceptor"/> answers UNAVAILABLE get a
/// log line. An outage under load fails hundreds of calls a second, each with the same news, so the
/// first failure is logged at once and the rest are counted: the first failure after
/// <see cref="Interval"/> has passed logs one line for all of them. A singleton, since grpc-dotnet
/// may create an interceptor per call.
/// </summary>
public sealed class UnavailableLogThrottle(TimeProvider time)
{
    /// <summary>At most one line per this long while failures continue.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private DateTimeOffset? lastLine;
    private int unlogged;

    /// <summary>
    /// Records one failure. True when it gets a line: <paramref name="failures"/> is how many
    /// failures that line stands for (this one included; 1 for a line of its own) and
    /// <paramref name="since"/> how long ago the previous line was written (zero for the first).
    /// </summary>
    public bool TryTakeLine(out int failures, out TimeSpan since)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            unlogged++;
            if (lastLine is { } last && now - last < Interval)
            {
                failures = 0;
                since = TimeSpan.Zero;
                return false;
            }
            failures = unlogged;
            since = lastLine is { } previous ? now - previous : TimeSpan.Zero;
            lastLine = now;
            unlogged = 0;
            return true;
        }
    }
}
