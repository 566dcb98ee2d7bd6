namespace MashGrpc.Core;

/// <summary>Non-generic view of a method, for routing, telemetry and interceptors.</summary>
public interface IMethod
{
    MethodType Type { get; }
    string ServiceName { get; }
    string Name { get; }

    /// <summary>The HTTP/2 path: <c>/package.Service/Method</c>.</summary>
    string FullName { get; }
}

/// <summary>A method of a service with the marshallers for its request and response.</summary>
public sealed class Method<TRequest, TResponse>(
    MethodType type,
    string serviceName,
    string name,
    Marshaller<TRequest> requestMarshaller,
    Marshaller<TResponse> responseMarshaller) : IMethod
{
    public MethodType Type { get; } = type;
    public string ServiceName { get; } = serviceName;
    public string Name { get; } = name;
    public string FullName { get; } = $"/{serviceName}/{name}";
    public Marshaller<TRequest> RequestMarshaller { get; } = requestMarshaller;
    public Marshaller<TResponse> ResponseMarshaller { get; } = responseMarshaller;
}
