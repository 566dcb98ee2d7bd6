using MashGrpc.Core;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server.CallHandlers;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> handler, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler<TRequest, TResponse>(method, options, logger)
    where TService : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext context)
    {
        var request = await context.CreateRequestReader().ReadSingleAsync(Method.RequestMarshaller.Deserializer, context.CancellationToken);

        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (r, w, c) =>
            ServiceActivator<TService>.InvokeAsync(context.HttpContext.RequestServices, service => handler(service, r, w, c));
        foreach (var interceptor in ResolveInterceptors(context).Reverse())
        {
            var next = pipeline;
            pipeline = (r, w, c) => interceptor.ServerStreamingServerHandler(r, w, c, next);
        }

        await pipeline(request, new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller), context);
    }
}
