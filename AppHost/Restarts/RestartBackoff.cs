namespace Mash.AppHost.Restarts;

/// <summary>Delay before restarting a crashed resource: doubling from <paramref name="Initial"/>, capped at <paramref name="Max"/>.</summary>
public sealed record RestartBackoff(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>1, 2, 4, 8, 16, 30, 30 … seconds.</summary>
    public static RestartBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>A resource that stayed up this long has recovered: its next crash starts again at <see cref="Initial"/>.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <param name="attempt">1 for the first restart after a crash.</param>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(Initial.Ticks * factor, Max.Ticks));
    }
}
