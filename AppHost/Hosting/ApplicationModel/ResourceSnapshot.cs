using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Hosting.ApplicationModel;

/// <summary>What is known of a resource now: what the ops page, the table and WaitFor read.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }
    public required string ResourceType { get; init; }
    public string State { get; init; } = KnownResourceStates.NotStarted;
    /// <summary>Null until a resource with a health check is first probed; resources without one are Healthy when Running.</summary>
    public HealthStatus? HealthStatus { get; init; }
    public bool HasHealthCheck { get; init; }
    public IReadOnlyList<UrlSnapshot> Urls { get; init; } = [];
    public int? ProcessId { get; init; }
    public int? ExitCode { get; init; }
    public int RestartCount { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>Why it failed or what it waits for, in a sentence.</summary>
    public string? Message { get; init; }

    /// <summary>What WaitFor waits for: Running and, if it has a health check, Healthy.</summary>
    public bool IsUp => State == KnownResourceStates.Running
        && (!HasHealthCheck || HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
}

public sealed record UrlSnapshot(string Name, string Url);
