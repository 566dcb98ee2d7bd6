namespace MashGrpc.Internal;

/// <summary>Names and values from the gRPC over HTTP/2 specification (doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string TeHeader = "te";
    public const string UserAgent = "grpc-dotnet-mash/1.0";

    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>The 1-byte compressed flag plus the 4-byte big-endian length before each message.</summary>
    public const int HeaderSize = 5;

    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>True for application/grpc, application/grpc+proto and application/grpc;param=…</summary>
    public static bool IsGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';');

    /// <summary>Headers that belong to the protocol, not to the application's metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.StartsWith(':')
        || name is "content-type" or TeHeader or TimeoutHeader or EncodingHeader or AcceptEncodingHeader
            or StatusTrailer or MessageTrailer or "content-length";
}
