using System.Net;
using Grpc.Core;
using MashGrpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = MashGrpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests;

/// <summary>The two ports: health over HTTP/1.1 on the management port only, grpc.health.v1 and reflection on the gRPC port.</summary>
public sealed class EndpointTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_on_the_management_port(string path)
    {
        await using var host = await ServiceHost.StartAsync();

        using var response = await host.GetManagementAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Contains("\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_do_not_exist_on_the_grpc_port(string path)
    {
        await using var host = await ServiceHost.StartAsync();
        using var h2c = new HttpClient();

        // The gRPC port speaks only HTTP/2 with prior knowledge, as gRPC clients do.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.GrpcAddress, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await h2c.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_full_web_application_builder_gets_the_same_two_ports()
    {
        await using var host = await ServiceHost.StartAsync(slim: false);

        Assert.Equal(HttpStatusCode.OK, (await host.GetHealthAsync()).Status);
        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync());
    }

    [Fact]
    public async Task Grpc_health_answers_on_the_grpc_port()
    {
        await using var host = await ServiceHost.StartAsync();

        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync());
        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync("grpc.health.v1.Health"));
    }

    [Fact]
    public async Task Grpc_health_does_not_answer_on_the_management_port()
    {
        await using var host = await ServiceHost.StartAsync();
        using var channel = MashGrpc.Client.GrpcChannel.ForAddress(host.ManagementAddress);
        var client = new Health.HealthClient(channel);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(ServiceHost.HangGuard));
    }

    [Fact]
    public async Task Reflection_lists_the_mapped_services()
    {
        await using var host = await ServiceHost.StartAsync();
        var client = new MashGrpc.Reflection.V1.ServerReflection.ServerReflectionClient(host.Channel);

        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new MashGrpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
    }

    [Fact]
    public async Task A_failing_readiness_check_fails_health_and_grpc_health_but_not_alive()
    {
        await using var host = await ServiceHost.StartAsync(configure: b =>
            b.Services.AddHealthChecks().AddCheck("dependency", () => HealthCheckResult.Unhealthy("down")));

        var health = await host.GetHealthAsync("/health");
        var alive = await host.GetHealthAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("down", health.Description("dependency"));
        Assert.Equal(HttpStatusCode.OK, alive.Status);
        Assert.Null(alive.CheckStatus("dependency"));
        Assert.Equal(ServingStatus.NotServing, await host.CheckGrpcHealthAsync());
    }

    [Fact]
    public async Task Stopping_tells_grpc_health_watchers_not_serving_then_ends_their_watch_with_unavailable()
    {
        var host = await ServiceHost.StartAsync();
        await using var _ = host;
        var client = new Health.HealthClient(host.Channel);
        using var watch = client.Watch(new HealthCheckRequest());
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        var stopping = host.StopAsync();
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);

        // Ended by the server, not left open to hold the stop until the shutdown timeout.
        var end = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
        Assert.Equal(StatusCode.Unavailable, end.StatusCode);
        await stopping;
    }

    [Fact]
    public async Task Readiness_reports_stopping_once_the_host_begins_to_stop()
    {
        var drain = TimeSpan.FromSeconds(3);
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            // Long enough to look at /health while Kestrel is still serving.
            ["ServiceDefaults:Shutdown:DrainDelay"] = drain.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, (await host.GetHealthAsync()).Status);

        var stopping = host.StopAsync();
        var health = await host.WaitForHealthAsync(h => h.Status != HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("stopping", health.Description("shutdown"));
        Assert.Equal(HttpStatusCode.OK, (await host.GetHealthAsync("/alive")).Status);
        await stopping;
    }
}
