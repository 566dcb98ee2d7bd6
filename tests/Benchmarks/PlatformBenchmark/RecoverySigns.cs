using System.Diagnostics;
using System.Globalization;

namespace PlatformBenchmark;

/// <summary>What one look at a sign of normal service saw: whether it holds, what it saw, and when (a Stopwatch timestamp; now if null).</summary>
internal readonly record struct Reading(bool Holds, string Seen, long? At = null);

/// <summary>A sign that the platform is back to normal, looked at every <paramref name="Interval"/> until it holds.</summary>
internal sealed record Sign(string Name, TimeSpan Interval, Func<CancellationToken, Task<Reading>> LookAsync);

/// <summary>When a sign first held after the disturbance ended (null: not within the time allowed), and what was last seen.</summary>
internal sealed record SignResult(string Name, TimeSpan? After, string Seen)
{
    public bool Within(TimeSpan goal) => After is { } after && after <= goal;

    public string Describe(TimeSpan goal) => After is { } after
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}: {after.TotalSeconds:0.0} s, {(after <= goal ? "met" : "NOT met")} (within {goal.TotalSeconds:0} s); {Seen}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}: NOT within the time allowed, NOT met (within {goal.TotalSeconds:0} s); last seen: {Seen}");
}

/// <summary>
/// Looks at every sign side by side from the moment a disturbance ended (the load stopped, or a
/// dependency served again) until each holds or <c>timeout</c> has passed, printing each as it
/// first holds. A look that fails (a database or broker not answering yet) is a sign not holding.
/// </summary>
internal static class RecoverySigns
{
    public static async Task<IReadOnlyList<SignResult>> WaitAsync(long since, IReadOnlyList<Sign> signs, TimeSpan timeout, CancellationToken cancellationToken) =>
        await Task.WhenAll(signs.Select(sign => WaitAsync(since, sign, timeout, cancellationToken)));

    private static async Task<SignResult> WaitAsync(long since, Sign sign, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = "nothing yet";
        while (true)
        {
            Reading reading;
            try
            {
                reading = await sign.LookAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                reading = new Reading(false, $"{e.GetType().Name}: {FirstLine(e.Message)}");
            }
            seen = reading.Seen;
            if (reading.Holds)
            {
                var at = reading.At ?? Stopwatch.GetTimestamp();
                var after = at > since ? Stopwatch.GetElapsedTime(since, at) : TimeSpan.Zero;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  +{after.TotalSeconds,5:0.0} s  {sign.Name}: {seen}"));
                return new SignResult(sign.Name, after, seen);
            }
            if (Stopwatch.GetElapsedTime(since) > timeout)
            {
                Console.WriteLine($"  never within {timeout.TotalSeconds:0} s: {sign.Name}; last seen: {seen}");
                return new SignResult(sign.Name, null, seen);
            }
            await Task.Delay(sign.Interval, cancellationToken);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
