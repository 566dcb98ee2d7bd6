using MashGrpc.Core;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server.CallHandlers;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> handler, GrpcServiceOptions options, ILogger logger)
    : ServerCallHandler<TRequest, TResponse>(method, options, logger)
    where TService : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext context)
    {
        var request = await context.CreateRequestReader().ReadSingleAsync(Method.RequestMarshaller.Deserializer, context.CancellationToken);

        UnaryServerMethod<TRequest, TResponse> pipeline = (r, c) =>
            ServiceActivator<TService>.InvokeAsync(context.HttpContext.RequestServices, service => handler(service, r, c));
        foreach (var interceptor in ResolveInterceptors(context).Reverse())
        {
            var next = pipeline;
            pipeline = (r, c) => interceptor.UnaryServerHandler(r, c, next);
        }

        var response = NotNull(await pipeline(request, context));
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false, context.CancellationToken);
    }
}
