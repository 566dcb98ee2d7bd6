using System.Net.Security;
using MashGrpc.Internal;

namespace MashGrpc.Client;

/// <summary>Channel settings, as Grpc.Net.Client names them (plus <see cref="Connections"/>).</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>HTTP/2 connections to spread calls over, round-robin; more than one lets a busy client use more cores.</summary>
    public int Connections { get; set; } = 1;

    /// <summary>Larger responses fail with RESOURCE_EXHAUSTED; default 4 MB, null for no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    public int? MaxSendMessageSize { get; set; }

    /// <summary>Use this handler instead of the channel's own SocketsHttpHandler(s); <see cref="Connections"/> is then ignored.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/>.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>For TLS: decides whether to trust the server's certificate (a development certificate, say).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }
}
