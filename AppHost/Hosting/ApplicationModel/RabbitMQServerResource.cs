namespace Mash.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ node run from the Debian scripts. Besides AMQP ("tcp") it needs an Erlang
/// distribution port and an epmd of its own ("dist", "epmd"), so stacks never share epmd.
/// </summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    public override string ResourceType => "RabbitMQ";

    // guest/guest is RabbitMQ's default user, allowed on loopback connections only.
    public string GetConnectionString() => $"amqp://guest:guest@127.0.0.1:{this.GetEndpoint("tcp").AllocatedPort}";
}
