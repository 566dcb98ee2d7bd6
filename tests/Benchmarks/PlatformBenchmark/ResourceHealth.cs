using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlatformBenchmark;

/// <summary>
/// Whether the platform's resources are healthy, two ways: as the AppHost sees them (Aspire's
/// ResourceNotificationService, what the dashboard shows: its health checks run every few seconds
/// while a resource is unhealthy and far less often once it is healthy), and as each service says
/// itself, asked directly (<c>/health</c> on its management endpoint answering 200: its database,
/// bus and queues reachable).
/// </summary>
internal sealed class ResourceHealth(DistributedApplication app) : IDisposable
{
    public static readonly string[] Services = ["intake", .. PlatformUnderTest.Downstream];

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient http = new() { Timeout = AskTimeout };

    /// <summary>The resources that start with the platform (its parameters and anything started by hand left out).</summary>
    private IEnumerable<IResource> Resources => app.Services.GetRequiredService<DistributedApplicationModel>().Resources
        .Where(r => r is not ParameterResource && !r.HasAnnotationOfType<ExplicitStartupAnnotation>());

    /// <summary>Each resource the AppHost does not see healthy now, with its state and health, e.g. "intake (Running, Unhealthy)"; empty when all are.</summary>
    public IReadOnlyList<string> UnhealthyInAppHost() => [.. Resources
        .Select(r => (r.Name, Snapshot: app.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? e.Snapshot : null))
        .Where(r => r.Snapshot?.HealthStatus != HealthStatus.Healthy)
        .Select(r => $"{r.Name} ({r.Snapshot?.State?.Text ?? "no state"}, {r.Snapshot?.HealthStatus?.ToString() ?? "no health"})")];

    /// <summary>The services whose own <c>/health</c> does not answer 200 now, e.g. "triage (503)"; empty when all are ready.</summary>
    public async Task<IReadOnlyList<string>> UnreadyServicesAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Services.Select(async service =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(app.GetEndpoint(service, "http"), "/health"), cancellationToken);
                return response.IsSuccessStatusCode ? null : $"{service} ({(int)response.StatusCode})";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"{service} (no answer)";
            }
        }));
        return [.. answers.OfType<string>()];
    }

    public void Dispose() => http.Dispose();
}
