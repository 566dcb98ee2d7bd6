using MashGrpc.Health;
using MashGrpc.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

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
/// listeners: the "shutdown" health check fails (so <c>/health</c> answers 503 and grpc.health.v1
/// Check answers NOT_SERVING), and every grpc.health.v1 Watch stream hears NOT_SERVING at once
/// and then ends with UNAVAILABLE (see <see cref="HealthWatchShutdownFilter"/>), as grpc-dotnet's
/// health service does: otherwise each open Watch, which the AppHost keeps, would hold the stop
/// for the whole shutdown timeout. Kestrel then drains the other in-flight calls.
/// </summary>
internal sealed class GracefulShutdownService(
    ShutdownState state,
    GrpcHealthStatus grpcHealth,
    GrpcServiceRegistry grpcServices,
    IOptions<ShutdownOptions> options,
    ILogger<GracefulShutdownService> logger) : IHostedLifecycleService
{
    // Time for a watcher's NOT_SERVING message to leave before its stream is ended, when there is no drain delay.
    private static readonly TimeSpan MinimumWatchNotice = TimeSpan.FromMilliseconds(200);

    // IHostedLifecycleService.StoppingAsync runs for every hosted service before any StopAsync,
    // so this precedes Kestrel's stop whatever the registration order.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.MarkStopping();
        grpcHealth.Set("", ServingStatus.NotServing);
        foreach (var service in grpcServices.Services)
        {
            grpcHealth.Set(service.FullName, ServingStatus.NotServing);
        }
        var delay = options.Value.DrainDelay;
        logger.LogInformation("Stopping: reporting not serving, draining for {DrainDelay}", delay);
        try
        {
            await Task.Delay(delay > MinimumWatchNotice ? delay : MinimumWatchNotice, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout is up: stop draining, and let the rest of the stop go ahead.
        }
        state.EndWatches();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Whether the host has begun to stop; read by the "shutdown" health check.</summary>
internal sealed class ShutdownState : IDisposable
{
    private readonly CancellationTokenSource watchesEnding = new();
    private volatile bool stopping;

    public bool IsStopping => stopping;

    /// <summary>Cancelled when open grpc.health.v1 Watch calls are to end.</summary>
    public CancellationToken WatchesEnding => watchesEnding.Token;

    public void MarkStopping() => stopping = true;

    public void EndWatches() => watchesEnding.Cancel();

    public void Dispose() => watchesEnding.Dispose();
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
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, HealthWatchShutdownFilter>());
        builder.Services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [HealthEndpoints.ReadyTag]);
    }
}
