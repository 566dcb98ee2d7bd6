using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MashGrpc.Health;

/// <summary>
/// Runs the health checks at start and then every <see cref="Settings.Period"/>, and publishes each
/// full report to the gRPC health status. ASP.NET Core's own publisher is not used: it refuses
/// periods under a second, publishes nothing while no check is registered, and reports checks of
/// different periods separately.
/// </summary>
internal sealed class HealthCheckStatusPoller(HealthCheckService checks, HealthCheckStatusPublisher publisher, IOptions<HealthCheckStatusPoller.Settings> settings)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.Period);
        do
        {
            var report = await checks.CheckHealthAsync(stoppingToken).ConfigureAwait(false);
            await publisher.PublishAsync(report, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public sealed class Settings
    {
        public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(5);
    }
}
