using MashGrpc.Core;
using MashGrpc.Core.Interceptors;
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

        var interceptors = ResolveInterceptors(context);
        var response = NotNull(await (interceptors.Length == 0
            ? InvokeServiceAsync(context, request, context) // no interceptors: no delegates or closures to build per call
            : Pipeline(context, interceptors)(request, context)));
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false, context.CancellationToken);
    }

    private UnaryServerMethod<TRequest, TResponse> Pipeline(HttpServerCallContext context, Interceptor[] interceptors)
    {
        UnaryServerMethod<TRequest, TResponse> pipeline = (r, c) => InvokeServiceAsync(context, r, c);
        foreach (var interceptor in interceptors.Reverse())
        {
            var next = pipeline;
            pipeline = (r, c) => interceptor.UnaryServerHandler(r, c, next);
        }
        return pipeline;
    }

    private Task<TResponse> InvokeServiceAsync(HttpServerCallContext context, TRequest request, ServerCallContext callContext) =>
        ServiceActivator<TService>.InvokeAsync(context.HttpContext.RequestServices, (handler, request, callContext),
            static (service, state) => state.handler(service, state.request, state.callContext));
}
