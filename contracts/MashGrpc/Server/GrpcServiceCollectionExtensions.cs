using Microsoft.Extensions.DependencyInjection;

namespace MashGrpc.Server;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server: routing, options and the registry of mapped services.</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.AddSingleton<GrpcServiceRegistry>();
        return services;
    }
}
