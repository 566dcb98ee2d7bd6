using Mash.Hosting.Orchestration;
using Mash.Hosting.Telemetry;

namespace Mash.Hosting.Dashboard;

/// <summary>One resource as <c>GET /api/resources</c> returns it and the ops page shows it.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? Health,
    IReadOnlyList<EndpointView> Endpoints,
    int RestartCount,
    int? Pid,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    string? Message,
    IReadOnlyDictionary<string, SignalCount> Telemetry,
    IReadOnlyList<string> Logs)
{
    internal static ResourceView From(ResourceSnapshot s, IReadOnlyList<LogLine> logs, TelemetryCounters telemetry) => new(
        s.Name, s.ResourceType, s.State, s.HealthStatus?.ToString() ?? (s.IsUp ? "Healthy" : null),
        [.. s.Urls.Select(u => new EndpointView(u.Name, u.Url))],
        s.RestartCount, s.ProcessId, s.ExitCode, s.StartedAt, s.Message,
        telemetry.For(s.Name),
        [.. logs.Select(l => l.Text)]);
}

public sealed record EndpointView(string Name, string Url);
