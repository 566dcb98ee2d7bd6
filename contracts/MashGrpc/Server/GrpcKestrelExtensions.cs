using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MashGrpc.Server;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC: cleartext HTTP/2 with prior knowledge (h2c) when no certificate is given,
    /// else TLS, where ALPN also offers HTTP/1.1 so such a client gets a clear HTTP 426.
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endpoint, X509Certificate2? certificate = null) =>
        kestrel.Listen(endpoint, listen =>
        {
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        });

    /// <summary>Listens for gRPC on the loopback interface (the safe default for development and tests).</summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, int port, X509Certificate2? certificate = null) =>
        kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, port), certificate);
}
