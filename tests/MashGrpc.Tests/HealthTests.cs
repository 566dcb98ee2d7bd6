using MashGrpc.Core;
using MashGrpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MashGrpc.Tests;

/// <summary>grpc.health.v1 as a client sees it, fed by ASP.NET Core health checks.</summary>
public sealed class HealthTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    /// <summary>A health check the test turns healthy or unhealthy.</summary>
    private sealed class Switch
    {
        public volatile bool Healthy = true;
    }

    private static async Task<(TestServer Server, Health.V1.Health.HealthClient Client, Switch Switch)> StartAsync(bool healthy = true)
    {
        var flag = new Switch { Healthy = healthy };
        var server = await TestServer.StartAsync(services: s => s.AddHealthChecks()
            .AddCheck("test-switch", () => flag.Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off")));
        return (server, new Health.V1.Health.HealthClient(server.CreateChannel()), flag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mashgrpc.test.Echo")]
    [InlineData("grpc.health.v1.Health")]
    public async Task Check_of_the_server_or_a_mapped_service_is_serving(string service)
    {
        var (server, client, _) = await StartAsync();
        await using var _server = server;

        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_of_an_unknown_service_is_not_found()
    {
        var (server, client, _) = await StartAsync();
        await using var _server = server;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync.WaitAsync(HangGuard));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mashgrpc.test.Echo")]
    public async Task Check_while_a_health_check_is_unhealthy_is_not_serving(string service)
    {
        var (server, client, _) = await StartAsync(healthy: false);
        await using var _server = server;

        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Check_follows_the_health_check_as_it_changes()
    {
        var (server, client, flag) = await StartAsync();
        await using var _server = server;

        var before = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(HangGuard);
        flag.Healthy = false;
        var after = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(ServingStatus.Serving, before.Status);
        Assert.Equal(ServingStatus.NotServing, after.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mashgrpc.test.Echo")]
    public async Task Watch_sends_serving_then_not_serving_when_the_health_check_fails(string service)
    {
        var (server, client, flag) = await StartAsync();
        await using var _server = server;
        using var watch = client.Watch(new HealthCheckRequest { Service = service });

        Assert.True(await watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        flag.Healthy = false;
        Assert.True(await watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);

        flag.Healthy = true;
        Assert.True(await watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Watch_with_no_health_checks_registered_is_serving()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new Health.V1.Health.HealthClient(channel);
        using var watch = client.Watch(new HealthCheckRequest());

        Assert.True(await watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Watch_of_an_unknown_service_sends_service_unknown()
    {
        var (server, client, _) = await StartAsync();
        await using var _server = server;
        using var watch = client.Watch(new HealthCheckRequest { Service = "no.such.Service" });

        Assert.True(await watch.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal(ServingStatus.ServiceUnknown, watch.ResponseStream.Current.Status);
    }
}
