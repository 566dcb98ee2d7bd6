using Google.Protobuf.Reflection;

namespace MashGrpc.Core;

/// <summary>Receives a service's methods from its generated <c>BindService</c>.</summary>
public abstract class ServiceBinder<TService>
{
    public abstract void AddServiceDescriptor(ServiceDescriptor descriptor);
    public abstract void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> handler);
    public abstract void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> handler);
    public abstract void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> handler);
    public abstract void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> handler);
}

/// <summary>Marks a generated service base class with the static method that binds it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindServiceMethodAttribute(Type bindType, string bindMethodName) : Attribute
{
    public Type BindType { get; } = bindType;
    public string BindMethodName { get; } = bindMethodName;
}
