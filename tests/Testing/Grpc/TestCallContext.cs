using MashGrpc.Core;

namespace Mash.Testing.Grpc;

/// <summary>A server call context for calling a gRPC service class directly; cancel it to play a client going away.</summary>
public sealed class TestCallContext(CancellationToken cancellationToken = default, string method = "/test") : ServerCallContext
{
    public override string Method => method;
    public override string Host => "localhost";
    public override string Peer => "ipv4:127.0.0.1:1";
    public override DateTime Deadline => DateTime.MaxValue;
    public override Metadata RequestHeaders { get; } = [];
    public override CancellationToken CancellationToken => cancellationToken;
    public override Metadata ResponseTrailers { get; } = [];
    public override Status Status { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
}
