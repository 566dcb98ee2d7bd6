using MashGrpc.Core;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server.CallHandlers;

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> handler, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler<TRequest, TResponse>(method, options, logger)
    where TService : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext context)
    {
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (s, w, c) =>
            ServiceActivator<TService>.InvokeAsync(context.HttpContext.RequestServices, service => handler(service, s, w, c));
        foreach (var interceptor in ResolveInterceptors(context).Reverse())
        {
            var next = pipeline;
            pipeline = (s, w, c) => interceptor.DuplexStreamingServerHandler(s, w, c, next);
        }

        await pipeline(
            new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller),
            new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller),
            context);
    }
}
