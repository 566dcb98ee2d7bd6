using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

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
    public async Task Grpc_health_answers_for_each_mapped_service_and_not_for_others()
    {
        await using var host = await ServiceHost.StartAsync();

        Assert.Equal(ServingStatus.Serving, await host.CheckGrpcHealthAsync("grpc.reflection.v1.ServerReflection"));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => host.CheckGrpcHealthAsync("no.such.Service"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Grpc_health_watchers_hear_a_check_fail_and_recover()
    {
        var healthy = true;
        await using var host = await ServiceHost.StartAsync(configure: b =>
            b.Services.AddHealthChecks().AddCheck("switch", () => Volatile.Read(ref healthy) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("off")));
        using var watch = new Health.HealthClient(host.Channel).Watch(new HealthCheckRequest { Service = "grpc.health.v1.Health" });
        async Task<ServingStatus> NextAsync()
        {
            Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
            return watch.ResponseStream.Current.Status;
        }

        var first = await NextAsync();
        Volatile.Write(ref healthy, false);
        var failed = await NextAsync();
        Volatile.Write(ref healthy, true);
        var recovered = await NextAsync();

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing, ServingStatus.Serving], new[] { first, failed, recovered });
    }

    [Fact]
    public async Task Grpc_health_does_not_answer_on_the_management_port()
    {
        await using var host = await ServiceHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(host.ManagementAddress);
        var client = new Health.HealthClient(channel);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(ServiceHost.HangGuard));
    }

    [Fact]
    public async Task Reflection_lists_the_mapped_services()
    {
        await using var host = await ServiceHost.StartAsync();
        var client = new ServerReflection.ServerReflectionClient(host.Channel);

        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
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
    public async Task Stopping_tells_grpc_health_watchers_not_serving_and_ends_their_watch()
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

        // Ended by the server (Grpc.AspNetCore.HealthChecks completes Watch calls at
        // ApplicationStopping), not left open to hold the stop until the shutdown timeout.
        Assert.False(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ServiceHost.HangGuard));
        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
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
