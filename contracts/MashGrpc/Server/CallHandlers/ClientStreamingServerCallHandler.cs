using MashGrpc.Core;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server.CallHandlers;

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> handler, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler<TRequest, TResponse>(method, options, logger)
    where TService : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext context)
    {
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (s, c) =>
            ServiceActivator<TService>.InvokeAsync(context.HttpContext.RequestServices, service => handler(service, s, c));
        foreach (var interceptor in ResolveInterceptors(context).Reverse())
        {
            var next = pipeline;
            pipeline = (s, c) => interceptor.ClientStreamingServerHandler(s, c, next);
        }

        var requestStream = new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller);
        var response = NotNull(await pipeline(requestStream, context));
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false, context.CancellationToken);
    }
}
