using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

/// <summary>
/// The two calls every MASH service makes, in the shape of Aspire's ServiceDefaults:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddServiceDefaults();
/// builder.AddServiceDatabase();                         // optional: PostgreSQL, plus AddDatabaseMigrations(...)
/// builder.AddRedisClient("redis");                     // optional: Redis, through Aspire.StackExchange.Redis
/// builder.AddMashBus(bus => bus.AddConsumer&lt;X&gt;());    // optional: RabbitMQ through MassTransit
/// var app = builder.Build();
/// app.MapGrpcService&lt;MyService&gt;();
/// app.MapDefaultEndpoints();
/// app.Run();
/// </code>
/// </summary>
public static class Extensions
{
    /// <summary>
    /// Kestrel endpoints (gRPC h2c + HTTP/1.1 management), OpenTelemetry over OTLP, health checks
    /// (dependencies sampled in the background: OperationsMonitor), service discovery for calls to
    /// other services, the gRPC server with grpc.health.v1 and reflection, graceful shutdown, and
    /// authentication (staff's JWTs and agencies' tokens) with the platform's policies, denying by
    /// default: an RPC without a policy still needs valid credentials.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureKestrelEndpoints();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddOperationsMonitoring();
        builder.ConfigureGracefulShutdown();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

        builder.Services.AddGrpc(options =>
        {
            // Exception messages reach clients only on a developer's machine; elsewhere they stay in the logs.
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        // grpc.health.v1 reports the same checks as /health: NOT_SERVING while any is unhealthy.
        builder.Services.AddGrpcHealthServices();
        builder.Services.AddGrpcReflection();
        builder.AddMashAuthentication();
        return builder;
    }

    /// <summary>
    /// grpc.health.v1 and server reflection on the gRPC port; <c>/health</c> (every check) and
    /// <c>/alive</c> (checks tagged "live") on the management port only. Mapped in every
    /// environment: the AppHost and Kubernetes probe them in production too, and the management
    /// port is meant to be reachable only from inside the deployment. All open to callers without
    /// credentials: probes and generic tools call them, and they hold no personal data.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapHealthEndpoints();
        return app;
    }
}
