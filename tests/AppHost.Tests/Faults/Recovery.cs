using System.Globalization;

namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// One resource killed with SIGKILL under load and brought back by the AppHost's restart
/// supervisor: when it died, when the orchestrator started it again, when it first served, and when
/// the platform as a whole did.
/// </summary>
internal sealed record Recovery(
    string Resource,
    int Round,
    IReadOnlyList<int> Killed,
    DateTimeOffset KilledAt,
    DateTimeOffset RestartedAt,
    DateTimeOffset? ProcessUpAt,
    DateTimeOffset AnsweringAt,
    DateTimeOffset ServingAt,
    DateTimeOffset EveryServiceServingAt,
    DateTimeOffset NextAcknowledgedAt)
{
    /// <summary>From the restart (the new process started) to its first OK health check or query.</summary>
    public TimeSpan ServingAfterRestart => ServingAt - RestartedAt;

    public string Describe()
    {
        var start = ProcessUpAt is { } up
            ? $"its process (under dotnet run) up {Seconds(up - RestartedAt)}, answering {Seconds(AnsweringAt - RestartedAt)}, "
            : "";
        return $"round {Round} {Resource,-10} SIGKILL to {Killed.Count} process(es); restarted {Seconds(RestartedAt - KilledAt)} after the kill; " +
            $"after its restart, {start}serving {Seconds(ServingAfterRestart)}; every service serving {Seconds(EveryServiceServingAt - KilledAt)} " +
            $"and the next contact acknowledged {Seconds(NextAcknowledgedAt - KilledAt)} after the kill";
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds,5:0.00} s");
}
