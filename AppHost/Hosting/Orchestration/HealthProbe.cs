using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.Hosting.Orchestration;

/// <summary>Polls a project's health endpoint (200 = Healthy): every second until healthy, then every five.</summary>
internal sealed class HealthProbe(IResource resource, RunContext context)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (resource.GetHealthCheck() is not { } check)
        {
            return;
        }

        var url = $"{resource.GetEndpoint(check.EndpointName).Url}{check.Path}";
        while (!cancellationToken.IsCancellationRequested)
        {
            var status = await ProbeAsync(url, cancellationToken);
            context.Publish(resource, s => s.State == KnownResourceStates.Running && s.HealthStatus != status ? s with { HealthStatus = status } : s);
            try
            {
                await Task.Delay(status == HealthStatus.Healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<HealthStatus> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
