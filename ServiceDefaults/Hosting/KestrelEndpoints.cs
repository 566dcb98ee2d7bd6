using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mash.ServiceDefaults;

/// <summary>
/// Every service listens twice: gRPC on cleartext HTTP/2 (h2c) and a management port on HTTP/1.1
/// for <c>/health</c> and <c>/alive</c>, which probes and load balancers speak. The AppHost names
/// them as Aspire does, <c>Kestrel:Endpoints:grpc</c> and <c>Kestrel:Endpoints:http</c>; each
/// connection is tagged with its endpoint's role so routes can be kept to one port (see
/// <see cref="ListenerRoleMatcherPolicy"/>).
/// </summary>
public static class KestrelEndpoints
{
    /// <summary>The Kestrel endpoint name the AppHost gives the gRPC port.</summary>
    public const string GrpcEndpointName = "grpc";

    /// <summary>The Kestrel endpoint name the AppHost gives the management (HTTP/1.1) port.</summary>
    public const string ManagementEndpointName = "http";

    /// <summary>
    /// Ports used when no <c>Kestrel:Endpoints</c> are configured (a plain <c>dotnet run</c>):
    /// gRPC on 127.0.0.1:5000 and management on 127.0.0.1:5080, loopback only so a developer's
    /// machine exposes nothing. Two services started by hand need Kestrel endpoints of their own.
    /// </summary>
    public const int DefaultGrpcPort = 5000;

    /// <inheritdoc cref="DefaultGrpcPort"/>
    public const int DefaultManagementPort = 5080;

    internal static void ConfigureKestrelEndpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerRoleMatcherPolicy>());

        var kestrelSection = builder.Configuration.GetSection("Kestrel");
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            if (kestrelSection.GetSection("Endpoints").GetChildren().Any())
            {
                // Replaces the loader WebApplicationBuilder set up for the same section, adding the
                // per-endpoint tagging and protocol defaults below.
                kestrel.Configure(kestrelSection, reloadOnChange: true)
                    .Endpoint(GrpcEndpointName, endpoint => Configure(endpoint, ListenerRole.Grpc, HttpProtocols.Http2))
                    .Endpoint(ManagementEndpointName, endpoint => Configure(endpoint, ListenerRole.Management, HttpProtocols.Http1));
            }
            else
            {
                kestrel.Listen(IPAddress.Loopback, DefaultGrpcPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    Tag(listen, ListenerRole.Grpc);
                });
                kestrel.Listen(IPAddress.Loopback, DefaultManagementPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    Tag(listen, ListenerRole.Management);
                });
            }
        });
    }

    private static void Configure(EndpointConfiguration endpoint, ListenerRole role, HttpProtocols defaultProtocols)
    {
        // Kestrel's own default, Http1AndHttp2, means HTTP/1.1 only without TLS: a gRPC endpoint
        // configured with just a URL would then refuse every gRPC client.
        if (endpoint.ConfigSection["Protocols"] is null && !endpoint.IsHttps)
        {
            endpoint.ListenOptions.Protocols = defaultProtocols;
        }
        Tag(endpoint.ListenOptions, role);
    }

    // Connection middleware runs before Kestrel's HTTP layer, once per connection, and its items
    // reach every request on that connection through IConnectionItemsFeature.
    private static void Tag(ListenOptions listen, ListenerRole role) =>
        listen.Use(next => connection =>
        {
            connection.Items[ListenerRoles.ItemKey] = role;
            return next(connection);
        });
}
