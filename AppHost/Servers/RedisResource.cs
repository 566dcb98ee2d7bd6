namespace Mash.AppHost.Servers;

/// <summary>Redis from Debian's package, run as a process: what Aspire.Hosting.Redis's resource is where containers run.</summary>
public sealed class RedisResource(string name, string command, string stateDirectory)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
