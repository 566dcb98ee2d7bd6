using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Mash.ServiceDefaults;

public static class RedisExtensions
{
    /// <summary>
    /// An <see cref="IConnectionMultiplexer"/> singleton over <c>ConnectionStrings:{connectionName}</c>
    /// (<c>host:port</c>, or any StackExchange.Redis configuration string), with a "redis" readiness
    /// check (PING). It connects when first resolved, and does not fail then if Redis is down: it
    /// keeps reconnecting in the background (<c>abortConnect=false</c> unless the string says
    /// otherwise), so Redis restarting never takes the service down with it.
    /// </summary>
    /// <remarks>StackExchange.Redis is at 1.2.6 here (the only version that restores); its API is the 1.x one.</remarks>
    public static TBuilder AddRedisClient<TBuilder>(this TBuilder builder, string connectionName = "redis")
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);
        var options = ConfigurationOptions.Parse(connectionString);
        if (!connectionString.Contains("abortConnect", StringComparison.OrdinalIgnoreCase))
        {
            options.AbortOnConnectFail = false;
        }
        options.ClientName ??= builder.Environment.ApplicationName;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
