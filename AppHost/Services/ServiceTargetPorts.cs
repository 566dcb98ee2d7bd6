using Mash.Hosting;

namespace Mash.AppHost.Services;

internal static class ServiceTargetPorts
{
    /// <summary>
    /// The ports the service itself listens on, behind Aspire's proxy, chosen by the AppHost as its
    /// servers' are (<see cref="LoopbackPorts"/>). The orchestrator hands out a run of neighbouring ports and checks each
    /// only as it hands it out, so two stacks starting at once (the tests start several) could be
    /// given the same port: one service then fails to bind and restarts for ever, while its proxy
    /// forwards to the other stack's service, which answers its health checks.
    /// </summary>
    public static IResourceBuilder<T> WithTargetPortsOfItsOwn<T>(this IResourceBuilder<T> service, params string[] endpointNames)
        where T : IResourceWithEndpoints
    {
        foreach (var name in endpointNames)
        {
            service.WithEndpoint(name, e => e.TargetPort = LoopbackPorts.Reserve(), createIfNotExists: false);
        }
        return service;
    }
}
