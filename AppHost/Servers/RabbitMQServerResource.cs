namespace Mash.AppHost.Servers;

/// <summary>
/// RabbitMQ from Debian's package, run as a process: what Aspire.Hosting.RabbitMQ's resource is
/// where containers run. The default guest user, which RabbitMQ accepts on loopback only.
/// </summary>
public sealed class RabbitMQServerResource(string name, string command, string stateDirectory)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
