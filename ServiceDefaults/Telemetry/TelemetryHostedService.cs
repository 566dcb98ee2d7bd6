using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mash.ServiceDefaults;

/// <summary>
/// The providers registered by <c>WithTracing</c>/<c>WithMetrics</c>/<c>WithLogging</c> are built
/// when first resolved; nothing else resolves the tracer and meter providers, so this does it at
/// start (as OpenTelemetry.Extensions.Hosting's TelemetryHostedService does). They are disposed,
/// exporting what is buffered, with the service provider. On stop it flushes, so spans of the
/// last requests leave before the process does.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        services.GetService<LoggerProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Blocking, but bounded, and the host is stopping anyway.
        var timeoutMs = (int)FlushTimeout.TotalMilliseconds;
        services.GetService<TracerProvider>()?.ForceFlush(timeoutMs);
        services.GetService<MeterProvider>()?.ForceFlush(timeoutMs);
        services.GetService<LoggerProvider>()?.ForceFlush(timeoutMs);
        return Task.CompletedTask;
    }
}
