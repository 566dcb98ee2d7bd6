using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Mash.ServiceDefaults;

/// <summary>What a Kestrel listener is for.</summary>
public enum ListenerRole
{
    /// <summary>gRPC over HTTP/2: the service's API, grpc.health.v1 and reflection.</summary>
    Grpc,

    /// <summary>HTTP/1.1 for probes and operators: <c>/health</c>, <c>/alive</c>.</summary>
    Management,
}

/// <summary>Endpoint metadata: serve this route only on connections accepted by a listener of <see cref="Role"/>.</summary>
public sealed record ListenerRoleMetadata(ListenerRole Role);

public static class ListenerRoles
{
    internal const string ItemKey = "Mash.ServiceDefaults.ListenerRole";

    /// <summary>
    /// The role of the listener that accepted this request's connection, or null when the server
    /// did not tag it (an in-memory test server, or a listener the service added itself).
    /// </summary>
    public static ListenerRole? GetListenerRole(this HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ItemKey, out var role) == true ? role as ListenerRole? : null;

    /// <summary>
    /// Serves these endpoints only on the management port: requests for them on the gRPC port get
    /// 404. Like <c>RequireHost</c>, but keyed on the listener that accepted the connection rather
    /// than the Host header a client chooses, so it also holds with dynamic ports.
    /// </summary>
    public static TBuilder RequireManagementPort<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ListenerRoleMetadata(ListenerRole.Management));
}
