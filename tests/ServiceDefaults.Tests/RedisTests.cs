using Mash.Testing.Servers;
using System.Net;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Mash.ServiceDefaults.Tests;

/// <summary>Redis as a service adds it beside the defaults: Aspire's client, its health check on /health.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RedisTests(InfrastructureFixture infrastructure)
{
    /// <summary>The name Aspire.StackExchange.Redis gives its health check.</summary>
    private const string RedisCheck = "StackExchange.Redis";

    // Keeps reconnecting in the background rather than failing the first resolution, so Redis
    // restarting never takes the service down with it.
    private static void AddRedis(IHostApplicationBuilder builder) =>
        builder.AddRedisClient("redis", configureOptions: options => options.AbortOnConnectFail = false);

    [Fact]
    public async Task Redis_check_is_healthy_against_a_real_redis_and_the_client_works()
    {
        await using var host = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString },
            AddRedis);

        var health = await host.WaitUntilHealthyAsync();
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = $"sdtests:{Guid.NewGuid():N}";
        await redis.StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("Healthy", health.CheckStatus(RedisCheck));
        Assert.Equal("value", (string?)await redis.StringGetAsync(key));
    }

    [Fact]
    public async Task Redis_check_is_unhealthy_when_nothing_listens_and_the_host_still_starts()
    {
        var closedPort = Processes.FreePort();
        await using var host = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{closedPort},connectTimeout=1000" },
            AddRedis);

        var health = await host.GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("Unhealthy", health.CheckStatus(RedisCheck));
        Assert.Equal(HttpStatusCode.OK, (await host.GetHealthAsync("/alive")).Status);
    }
}
