using System.Net;
using System.Text.Json;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Services;

/// <summary>
/// The AppHost's view of a MASH service's health: what its <c>/health</c> says, Degraded included
/// (a saturated pool, an old outbox backlog, messages in an <c>_error</c> queue), where Aspire's
/// <c>WithHttpHealthCheck</c> would call any 200 Healthy.
/// </summary>
public static class ServiceHealth
{
    /// <summary>How long the AppHost waits for <c>/health</c>: the service bounds its own checks to 3 s (ServiceDefaults' <c>CheckTimeout</c>).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Health from <c>/health</c> on <paramref name="endpointName"/>. Aspire's <c>WaitFor</c> waits
    /// for Healthy, so a Degraded service would hold back whatever waits for it (for as long as an
    /// <c>_error</c> queue holds a message); a resource that waits for this one therefore waits
    /// until it is serving, Healthy or Degraded, instead.
    /// </summary>
    public static IResourceBuilder<T> WithServiceHealthCheck<T>(this IResourceBuilder<T> service, string endpointName, string path = "/health")
        where T : IResourceWithEndpoints
    {
        var endpoint = service.GetEndpoint(endpointName);
        var key = $"{service.Resource.Name}_service_health";
        // Each check would otherwise log its request and response, every few seconds per service.
        service.ApplicationBuilder.Services.AddHttpClient(key).RemoveAllLoggers();
        service.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            services => new ServiceHealthCheck(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(key),
                async ct => new Uri(new Uri(await endpoint.GetValueAsync(ct) ?? throw new InvalidOperationException($"'{endpointName}' has no URL yet.")), path),
                Timeout),
            failureStatus: HealthStatus.Unhealthy,
            tags: null));
        service.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            WaitUntilServing(start, service.Resource);
            return Task.CompletedTask;
        });
        return service.WithHealthCheck(key);
    }

    // Every WaitFor(service) in the model becomes: wait until it runs (Aspire's own wait, with its
    // "Waiting" state and its errors), then until its health is Healthy or Degraded.
    private static void WaitUntilServing(BeforeStartEvent start, IResource service)
    {
        var notifications = start.Services.GetRequiredService<ResourceNotificationService>();
        var logs = start.Services.GetRequiredService<ResourceLoggerService>();
        var eventing = start.Services.GetRequiredService<IDistributedApplicationEventing>();
        foreach (var dependent in start.Model.Resources)
        {
            var waits = dependent.Annotations.OfType<WaitAnnotation>()
                .Where(w => w.Resource == service && w.WaitType == WaitType.WaitUntilHealthy).ToList();
            if (waits.Count == 0)
            {
                continue;
            }
            foreach (var wait in waits)
            {
                dependent.Annotations.Remove(wait);
                dependent.Annotations.Add(new WaitAnnotation(service, WaitType.WaitUntilStarted) { WaitBehavior = wait.WaitBehavior });
            }
            eventing.Subscribe<BeforeResourceStartedEvent>(dependent, async (_, cancellationToken) =>
            {
                if (notifications.TryGetCurrentState(service.Name, out var current) && IsServing(current.Snapshot))
                {
                    return;
                }
                await notifications.PublishUpdateAsync(dependent, s => s with { State = KnownResourceStates.Waiting });
                logs.GetLogger(dependent).LogInformation("Waiting for resource '{ResourceName}' to serve (Healthy or Degraded).", service.Name);
                await notifications.WaitForResourceAsync(service.Name, e => IsServing(e.Snapshot), cancellationToken);
            });
        }
    }

    /// <summary>Running and answering <c>/health</c> with 200: ready for traffic, whether or not something is degraded.</summary>
    public static bool IsServing(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running
        && snapshot.HealthStatus is HealthStatus.Healthy or HealthStatus.Degraded;
}

/// <summary>
/// Reads a MASH service's <c>/health</c> (ServiceDefaults' <c>HealthEndpoints</c>): 200 with
/// <c>"status": "Degraded"</c> is Degraded, naming the checks at fault; 503, any other status, no
/// answer within <paramref name="timeout"/> or no connection is Unhealthy.
/// </summary>
internal sealed class ServiceHealthCheck(HttpClient client, Func<CancellationToken, Task<Uri>> address, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(await address(bound.Token), bound.Token);
            var body = await response.Content.ReadAsStringAsync(bound.Token);
            var report = HealthBody.Parse(body);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return HealthCheckResult.Unhealthy($"/health answered {(int)response.StatusCode}{report.Faults(HealthStatus.Unhealthy, HealthStatus.Degraded)}");
            }
            return report.Status switch
            {
                HealthStatus.Degraded => HealthCheckResult.Degraded($"degraded{report.Faults(HealthStatus.Degraded)}"),
                HealthStatus.Unhealthy => HealthCheckResult.Unhealthy($"unhealthy{report.Faults(HealthStatus.Unhealthy, HealthStatus.Degraded)}"),
                _ => HealthCheckResult.Healthy(),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"/health did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"/health could not be asked: {ex.Message}");
        }
    }

    // {"status":"Degraded","checks":{"PostgreSql":{"status":"Degraded","description":"pool saturated"}}}
    private sealed record HealthBody(HealthStatus? Status, IReadOnlyList<(string Name, HealthStatus Status, string? Description)> Checks)
    {
        public static HealthBody Parse(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var checks = root.TryGetProperty("checks", out var entries) && entries.ValueKind == JsonValueKind.Object
                    ? entries.EnumerateObject()
                        .Where(e => StatusOf(e.Value) is not null)
                        .Select(e => (e.Name, StatusOf(e.Value)!.Value, e.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))
                        .ToList()
                    : [];
                return new HealthBody(StatusOf(root), checks);
            }
            catch (JsonException)
            {
                // Not a MASH service's report: the status code alone speaks.
                return new HealthBody(null, []);
            }
        }

        private static HealthStatus? StatusOf(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String && Enum.TryParse<HealthStatus>(status.GetString(), out var parsed) ? parsed : null;

        public string Faults(params HealthStatus[] statuses)
        {
            var faults = Checks.Where(c => statuses.Contains(c.Status))
                .Select(c => c.Description is { Length: > 0 } why ? $"{c.Name}: {why}" : c.Name).ToList();
            return faults.Count == 0 ? "" : $" ({string.Join("; ", faults)})";
        }
    }
}
