using Google.Protobuf.Reflection;
using MashGrpc.Core;
using MashGrpc.Server.CallHandlers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server;

/// <summary>Collects a service's methods from its generated <c>BindService</c> as HTTP endpoints.</summary>
internal sealed class EndpointServiceBinder<TService>(GrpcServiceOptions options, ILogger logger) : ServiceBinder<TService>
    where TService : class
{
    public List<(IMethod Method, RequestDelegate Handler)> Methods { get; } = [];
    public ServiceDescriptor? Descriptor { get; private set; }

    public override void AddServiceDescriptor(ServiceDescriptor descriptor) => Descriptor = descriptor;

    public override void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> handler) =>
        Add(method, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, handler, options, logger).HandleCallAsync);

    public override void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> handler) =>
        Add(method, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, options, logger).HandleCallAsync);

    public override void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> handler) =>
        Add(method, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, options, logger).HandleCallAsync);

    public override void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> handler) =>
        Add(method, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, handler, options, logger).HandleCallAsync);

    private void Add(IMethod method, RequestDelegate handler) => Methods.Add((method, handler));
}
