using System.Globalization;
using Mash.AppHost.Identity;
using Mash.AppHost.Servers;

namespace Mash.AppHost.Services;

public static class ServiceBuilderExtensions
{
    /// <summary>The Kestrel endpoint a MASH service serves gRPC on (cleartext HTTP/2).</summary>
    public const string GrpcEndpointName = "grpc";

    /// <summary>The Kestrel endpoint a MASH service serves <c>/health</c> and <c>/alive</c> on (HTTP/1.1).</summary>
    public const string ManagementEndpointName = "http";

    /// <summary>
    /// A MASH service: its project with the <c>http</c> launch profile (the management endpoint and
    /// the Development environment), a gRPC endpoint on <paramref name="grpcPort"/>, both given to
    /// Kestrel under the names ServiceDefaults listens on, healthy once <c>/health</c> answers,
    /// launched from its build output (<see cref="BuiltOutputLaunch"/>: no MSBuild at each start), and
    /// restarted with back-off when it crashes; and who may call it: the AppHost's <c>Authentication</c>
    /// section (staff's token settings and the agencies, <see cref="StaffIdentity"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int grpcPort)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name, launchProfileName: "http")
            .WithHttpEndpoint(port: grpcPort, name: GrpcEndpointName)
            .WithEndpoint(GrpcEndpointName, e => e.Transport = "http2")
            .WithTargetPortsOfItsOwn(GrpcEndpointName, ManagementEndpointName);

        return service
            .WithEnvironment(context =>
            {
                // Kestrel's named endpoints carry each port's protocol; ASPNETCORE_URLS cannot.
                context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
                foreach (var endpointName in new[] { GrpcEndpointName, ManagementEndpointName })
                {
                    var endpoint = service.GetEndpoint(endpointName);
                    context.EnvironmentVariables[$"Kestrel__Endpoints__{endpointName}__Url"] =
                        ReferenceExpression.Create($"http://{endpoint.EndpointAnnotation.TargetHost}:{endpoint.Property(EndpointProperty.TargetPort)}");
                }
                foreach (var (variable, value) in StaffIdentity.EnvironmentOf(builder.Configuration))
                {
                    context.EnvironmentVariables[variable] = value;
                }
            })
            .WithServiceHealthCheck(ManagementEndpointName)
            .WithBuiltOutputLaunch()
            .WithEndpointAnnouncement()
            .WithRestartOnFailure();
    }

    /// <summary>The setting a service's PostgreSQL pool is sized by (ServiceDefaults' <c>PostgresPoolOptions</c>).</summary>
    public const string MaxPoolSizeVariable = "ServiceDefaults__Postgres__MaxPoolSize";

    /// <summary>
    /// The service's own database as <c>ConnectionStrings:postgres</c>, waited for, and its share of
    /// the server's connections: a pool of <paramref name="maxPoolSize"/>, which the server's
    /// <c>max_connections</c> counts (<see cref="PostgresConnectionBudget"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> service, IResourceBuilder<PostgresDatabaseResource> database, int maxPoolSize)
    {
        database.Resource.Parent.ConnectionBudget.Give(service.Resource.Name, maxPoolSize);
        return service
            .WithReference(database, "postgres")
            .WithEnvironment(MaxPoolSizeVariable, maxPoolSize.ToString(CultureInfo.InvariantCulture))
            .WaitFor(database);
    }

    /// <summary>
    /// The consumers' queues the service's events feed (ServiceDefaults' <c>OutboxOptions.PaceQueues</c>):
    /// its outbox publishes no faster than they are consumed, so under an overload its unpublished
    /// events pile up in its own outbox, where it sees them and holds back.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEventsPacedBy(this IResourceBuilder<ProjectResource> service, params string[] queues)
    {
        for (var i = 0; i < queues.Length; i++)
        {
            service.WithEnvironment($"ServiceDefaults__Outbox__PaceQueues__{i}", queues[i]);
        }
        return service;
    }
}
