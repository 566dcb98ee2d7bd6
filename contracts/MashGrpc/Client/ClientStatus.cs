using System.Globalization;
using System.Net;
using MashGrpc.Core;
using MashGrpc.Internal;

namespace MashGrpc.Client;

/// <summary>How a client reads a status from what came back (doc/http-grpc-status-mapping.md).</summary>
internal static class ClientStatus
{
    public static StatusCode FromHttpStatus(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>The status carried by <c>grpc-status</c>/<c>grpc-message</c>, or null when absent.</summary>
    public static Status? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        string? code = null;
        var message = "";
        foreach (var (name, values) in headers)
        {
            if (name.Equals(GrpcProtocol.StatusTrailer, StringComparison.OrdinalIgnoreCase))
            {
                code = values.FirstOrDefault();
            }
            else if (name.Equals(GrpcProtocol.MessageTrailer, StringComparison.OrdinalIgnoreCase))
            {
                message = GrpcMessageEncoding.Decode(values.FirstOrDefault() ?? "");
            }
        }
        return code is null ? null : ToStatus(code, message);
    }

    /// <summary>The same from HttpClient's headers or trailers: two direct look-ups, nothing parsed or copied.</summary>
    public static Status? FromHttpHeaders(System.Net.Http.Headers.HttpHeaders headers)
    {
        var fields = headers.NonValidated;
        if (!fields.TryGetValues(GrpcProtocol.StatusTrailer, out var codes) || codes.Count == 0)
        {
            return null;
        }
        var message = fields.TryGetValues(GrpcProtocol.MessageTrailer, out var messages) && messages.Count > 0
            ? GrpcMessageEncoding.Decode(First(messages))
            : "";
        return ToStatus(First(codes), message);
    }

    private static string First(System.Net.Http.Headers.HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return value;
        }
        return "";
    }

    private static Status ToStatus(string code, string message) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new Status((StatusCode)value, message)
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{code}'. {message}");

    /// <summary>What a transport failure means for the call.</summary>
    public static Status FromException(Exception exception, string what) => exception switch
    {
        RpcException rpc => rpc.Status,
        HttpProtocolException { ErrorCode: 0x8 } => new Status(StatusCode.Cancelled, $"{what} The server cancelled the stream.", exception),
        HttpProtocolException { ErrorCode: 0x7 } => new Status(StatusCode.Unavailable, $"{what} The server refused the stream.", exception),
        HttpProtocolException => new Status(StatusCode.Internal, $"{what} {exception.Message}", exception),
        HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"{what} {exception.GetType().Name}: {exception.Message}", exception),
        OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled by the client.", exception),
        _ => new Status(StatusCode.Internal, $"{what} {exception.GetType().Name}: {exception.Message}", exception),
    };
}
