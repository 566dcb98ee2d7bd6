using Microsoft.Extensions.DependencyInjection;

namespace Mash.AppHost.Servers;

public static class RedisBuilderExtensions
{
    /// <summary>
    /// Redis as a process, its append-only file in the stack's state directory. Used like Aspire's
    /// <c>AddRedis</c>; healthy once it answers PING. SIGTERM (the orchestrator's stop) makes
    /// Redis flush the append-only file and exit.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddRedisProcess(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var redis = new RedisResource(name, DebianServers.RedisServer, builder.CreateStateDirectory(name));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, ct) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(ct));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey);

        var endpoint = redis.PrimaryEndpoint;
        return builder.AddResource(redis)
            .WithLoopbackEndpoint(RedisResource.PrimaryEndpointName)
            .WithArgs("--port", endpoint.Property(EndpointProperty.TargetPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--dir", redis.WorkingDirectory, "--daemonize", "no")
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey);
    }
}
