using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mash.ServiceDefaults;

/// <summary>Settings under <c>ServiceDefaults:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// How long the host may take to stop: Kestrel drains in-flight calls and MassTransit finishes
    /// the messages it holds within it. Default 30 s, below the 30–60 s orchestrators give before killing.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to keep serving after reporting NOT_SERVING/Unhealthy, before Kestrel stops
    /// accepting: long enough for a prober or load balancer to see it and send elsewhere. Default 0,
    /// right for one replica and for tests; set it to a probe period behind a load balancer.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// Turns the service unready the moment the host begins to stop, before Kestrel closes its
/// listeners: the "shutdown" health check fails, so <c>/health</c> answers 503 and grpc.health.v1
/// Check answers NOT_SERVING (open Watch calls are ended with NOT_SERVING by
/// Grpc.AspNetCore.HealthChecks itself at ApplicationStopping). It then keeps serving for the
/// drain delay, and Kestrel drains the other in-flight calls.
/// </summary>
internal sealed class GracefulShutdownService(
    ShutdownState state,
    IOptions<ShutdownOptions> options,
    ILogger<GracefulShutdownService> logger) : IHostedLifecycleService
{
    // IHostedLifecycleService.StoppingAsync runs for every hosted service before any StopAsync,
    // so this precedes Kestrel's stop whatever the registration order.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.MarkStopping();
        var delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        logger.LogInformation("Stopping: reporting not serving, draining for {DrainDelay}", delay);
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout is up: stop draining, and let the rest of the stop go ahead.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Whether the host has begun to stop; read by the "shutdown" health check.</summary>
internal sealed class ShutdownState
{
    private volatile bool stopping;

    public bool IsStopping => stopping;

    public void MarkStopping() => stopping = true;
}

internal sealed class ShutdownHealthCheck(ShutdownState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsStopping ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());
}

internal static class GracefulShutdownExtensions
{
    internal static void ConfigureGracefulShutdown(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ServiceDefaults:Shutdown");
        builder.Services.Configure<ShutdownOptions>(section);
        var timeout = section.GetValue<TimeSpan?>(nameof(ShutdownOptions.Timeout)) ?? new ShutdownOptions().Timeout;
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = timeout);

        builder.Services.AddSingleton<ShutdownState>();
        builder.Services.AddHostedService<GracefulShutdownService>();
        builder.Services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [HealthEndpoints.ReadyTag]);
    }
}
