using MashGrpc.Core;
using MashGrpc.Internal;
using Microsoft.AspNetCore.Http;

namespace MashGrpc.Server.CallHandlers;

/// <summary>Answers calls to services or methods this server does not have with UNIMPLEMENTED.</summary>
internal static class UnimplementedCallHandler
{
    public static RequestDelegate For(string detail) => httpContext =>
    {
        if (!ProtocolChecks.Accept(httpContext))
        {
            return Task.CompletedTask;
        }
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusTrailer] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageTrailer] = GrpcMessageEncoding.Encode(detail);
        return Task.CompletedTask;
    };
}
