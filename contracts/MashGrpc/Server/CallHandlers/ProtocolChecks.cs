using MashGrpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace MashGrpc.Server.CallHandlers;

/// <summary>HTTP-level checks before a request is treated as a gRPC call.</summary>
internal static class ProtocolChecks
{
    /// <summary>Rejects with HTTP 426 anything but HTTP/2, and with HTTP 415 a non-gRPC content-type.</summary>
    public static bool Accept(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            httpContext.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            httpContext.Response.Headers.Upgrade = "HTTP/2";
            httpContext.Response.Headers.Connection = "Upgrade";
            return false;
        }
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return false;
        }
        return true;
    }

    /// <summary>A stream may sit idle for hours (a dashboard's subscription): Kestrel's data rate minimums must not kill it.</summary>
    public static void AllowLongLivedStreams(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } requestRate)
        {
            requestRate.MinDataRate = null;
        }
        if (httpContext.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = null;
        }
    }
}
