using Mash.Testing.Servers;
using System.Net;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Mash.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class RedisTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Redis_check_is_healthy_against_a_real_redis_and_the_client_works()
    {
        await using var host = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = infrastructure.Redis.ConnectionString },
            b => b.AddRedisClient());

        var health = await host.WaitUntilHealthyAsync();
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = $"sdtests:{Guid.NewGuid():N}";
        await redis.StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("Healthy", health.CheckStatus("redis"));
        Assert.Equal("value", (string?)await redis.StringGetAsync(key));
    }

    [Fact]
    public async Task Redis_check_is_unhealthy_when_nothing_listens_and_the_host_still_starts()
    {
        var closedPort = Processes.FreePort();
        await using var host = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{closedPort},connectTimeout=1000" },
            b => b.AddRedisClient());

        var health = await host.GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("Unhealthy", health.CheckStatus("redis"));
        Assert.Equal("redis unreachable", health.Description("redis"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetHealthAsync("/alive")).Status);
    }
}
