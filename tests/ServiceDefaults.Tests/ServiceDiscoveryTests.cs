using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// A peer's address as the AppHost injects it (<c>services__&lt;name&gt;__grpc__0</c>) reaches a gRPC
/// client by the peer's name, through the service discovery AddServiceDefaults sets up for every
/// HttpClient (what GetServiceUri did before).
/// </summary>
public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task A_grpc_client_addressed_by_name_calls_the_peer_the_AppHost_named()
    {
        await using var peer = await ServiceHost.StartAsync();
        await using var caller = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["services:peer:grpc:0"] = peer.GrpcAddress.ToString() },
            b => b.Services.AddGrpcClient<Health.HealthClient>(o => o.Address = new Uri("http://_grpc.peer")));

        var client = caller.Services.GetRequiredService<Health.HealthClient>();
        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(ServingStatus.Serving, response.Status);
    }
}
