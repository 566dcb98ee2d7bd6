using MashGrpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MashGrpc.Reflection;

public static class GrpcReflectionExtensions
{
    /// <summary>Maps server reflection (v1 and v1alpha) over every service this server maps.</summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGrpcService<ReflectionServiceImpl>();
        var v1Alpha = endpoints.MapGrpcService<ReflectionServiceV1AlphaImpl>();
        return new Both(v1, v1Alpha);
    }

    private sealed class Both(IEndpointConventionBuilder first, IEndpointConventionBuilder second) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            first.Add(convention);
            second.Add(convention);
        }
    }
}
