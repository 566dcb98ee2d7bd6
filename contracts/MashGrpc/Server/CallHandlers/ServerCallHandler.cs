using System.Diagnostics;
using MashGrpc.Core;
using MashGrpc.Core.Interceptors;
using MashGrpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server.CallHandlers;

/// <summary>
/// What every call goes through, whatever its shape: protocol checks, the call context,
/// telemetry, turning exceptions into statuses, and the final status.
/// </summary>
internal abstract class ServerCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, GrpcServiceOptions options, ILogger logger)
   
{
    protected Method<TRequest, TResponse> Method => method;

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!ProtocolChecks.Accept(httpContext))
        {
            return;
        }
        ProtocolChecks.AllowLongLivedStreams(httpContext);

        var startTimestamp = Stopwatch.GetTimestamp();
        // ASP.NET Core's request span, when something listens to it, already continues the caller's
        // trace; without it the server span must pick up the caller's traceparent itself.
        var parent = Activity.Current is null && GrpcDiagnostics.ActivitySource.HasListeners() ? GrpcDiagnostics.ExtractParent(httpContext.Request.Headers) : default;
        var activity = GrpcDiagnostics.StartCall(method, ActivityKind.Server, parent);
        using var context = new HttpServerCallContext(httpContext, method, options, logger);
        try
        {
            if (context.Initialize() is { } refusal)
            {
                context.Status = refusal;
            }
            else
            {
                await HandleCallCoreAsync(context).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            context.SetError(ex);
        }
        await context.EndCallAsync().ConfigureAwait(false);
        GrpcDiagnostics.EndCall(activity, method, ActivityKind.Server, context.Status.StatusCode, startTimestamp);
    }

    protected abstract Task HandleCallCoreAsync(HttpServerCallContext context);

    /// <summary>The interceptors for this call, outermost first.</summary>
    protected Interceptor[] ResolveInterceptors(HttpServerCallContext context)
    {
        if (options.Interceptors.Count == 0)
        {
            return [];
        }
        var services = context.HttpContext.RequestServices;
        return [.. options.Interceptors.Select(type => (Interceptor)ActivatorUtilities.GetServiceOrCreateInstance(services, type))];
    }

    protected static TResponse NotNull(TResponse response) =>
        response is null ? throw new InvalidOperationException("No message returned from method.") : response;
}
