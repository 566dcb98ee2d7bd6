using System.Reflection;
using MashGrpc.Core;
using MashGrpc.Server.CallHandlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MashGrpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> (a class deriving from a generated
    /// <c>…Base</c>) to <c>POST /package.Service/Method</c>; a new instance serves each call unless
    /// one is registered in DI. Unknown methods and services answer UNIMPLEMENTED.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints) where TService : class
    {
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before mapping gRPC services.");
        var binder = new EndpointServiceBinder<TService>(
            services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("MashGrpc.Server"));
        InvokeBindService(binder);
        var descriptor = binder.Descriptor ?? throw new InvalidOperationException($"{typeof(TService)}'s BindService gave no service descriptor.");

        var conventions = new List<IEndpointConventionBuilder>();
        foreach (var (method, handler) in binder.Methods)
        {
            conventions.Add(endpoints.MapPost(method.FullName, handler).WithDisplayName($"gRPC - {method.FullName}"));
        }
        conventions.Add(endpoints.MapPost($"/{descriptor.FullName}/{{unimplementedMethod}}", UnimplementedCallHandler.For("Method is unimplemented.")));
        if (!registry.UnimplementedServiceRouteMapped)
        {
            registry.UnimplementedServiceRouteMapped = true;
            endpoints.MapPost("/{unimplementedService}/{unimplementedMethod}", UnimplementedCallHandler.For("Service is unimplemented."));
        }
        registry.Add(descriptor);
        return new CompositeConventionBuilder(conventions);
    }

    private static void InvokeBindService<TService>(ServiceBinder<TService> binder) where TService : class
    {
        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TService)} does not derive from a generated gRPC service base class.");
        var bindService = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{attribute.BindType}.{attribute.BindMethodName} was not found.");
        bindService.MakeGenericMethod(typeof(TService)).Invoke(null, [binder]);
    }

    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention) => builders.ForEach(b => b.Add(convention));
    }
}
