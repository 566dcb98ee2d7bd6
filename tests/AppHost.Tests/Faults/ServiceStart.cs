namespace Mash.AppHost.Tests.Faults;

/// <summary>
/// Where a restarted service's start went: how the orchestrator launched it (<c>dotnet run</c> or
/// its build output), when its own process ran (under <c>dotnet run</c> only; launched directly, the
/// orchestrator's process is the service), when <c>/health</c> first answered (Kestrel listening),
/// when each check first passed (migrations applied, bus started, …), and when <c>/health</c> said 200.
/// </summary>
internal sealed record ServiceStart(
    string Launch,
    DateTimeOffset? ProcessUpAt,
    DateTimeOffset AnsweringAt,
    IReadOnlyDictionary<string, DateTimeOffset> ChecksPassedAt,
    DateTimeOffset HealthyAt);
