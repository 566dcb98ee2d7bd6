using Google.Protobuf.Reflection;

namespace MashGrpc.Server;

/// <summary>The services this server has mapped, for health and reflection.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly List<ServiceDescriptor> services = [];

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get { lock (services) { return [.. services]; } }
    }

    internal bool UnimplementedServiceRouteMapped { get; set; }

    internal void Add(ServiceDescriptor descriptor)
    {
        lock (services)
        {
            if (!services.Exists(s => s.FullName == descriptor.FullName))
            {
                services.Add(descriptor);
            }
        }
    }
}
