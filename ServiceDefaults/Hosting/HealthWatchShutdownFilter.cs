using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mash.ServiceDefaults;

/// <summary>
/// Ends open grpc.health.v1 Watch calls with UNAVAILABLE when the host stops. The health service
/// (in MashGrpc) ends a Watch only when its call is cancelled, so this hands the call a
/// cancellation token that also fires at shutdown; the runtime then sees a cancelled request and
/// writes no status, and this writes UNAVAILABLE, the status a client retries elsewhere.
/// </summary>
internal sealed class HealthWatchShutdownFilter(ShutdownState shutdown) : IStartupFilter
{
    private const string WatchPath = "/grpc.health.v1.Health/Watch";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(EndAtShutdownAsync);
        next(app);
    };

    private async Task EndAtShutdownAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(WatchPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var clientGone = context.RequestAborted;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientGone, shutdown.WatchesEnding);
        context.RequestAborted = linked.Token;
        await next(context);

        if (!shutdown.WatchesEnding.IsCancellationRequested || clientGone.IsCancellationRequested)
        {
            return;
        }
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (context.Response.Headers.ContainsKey("grpc-status") || trailers?.ContainsKey("grpc-status") == true)
        {
            return; // the runtime ended the call itself
        }
        const string status = "14"; // UNAVAILABLE
        const string message = "Server is shutting down";
        if (context.Response.HasStarted && trailers is not null)
        {
            context.Response.AppendTrailer("grpc-status", status);
            context.Response.AppendTrailer("grpc-message", message);
        }
        else if (!context.Response.HasStarted)
        {
            // Trailers-Only: nothing was sent yet, so the status goes in the headers.
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = status;
            context.Response.Headers["grpc-message"] = message;
        }
    }
}
