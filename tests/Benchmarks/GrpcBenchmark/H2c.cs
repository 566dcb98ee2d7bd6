using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GrpcBenchmark;

/// <summary>Cleartext HTTP/2 with prior knowledge on loopback, set up alike for every client and server here.</summary>
internal static class H2c
{
    /// <summary>A free loopback port speaking only HTTP/2 (Kestrel's default without TLS would be HTTP/1.1).</summary>
    public static void ListenH2c(this KestrelServerOptions kestrel) =>
        kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);

    /// <summary>One connection pool: the same handler settings for grpc-dotnet's channels and the bare client.</summary>
    public static SocketsHttpHandler Handler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
    };
}
