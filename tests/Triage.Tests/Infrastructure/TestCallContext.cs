using MashGrpc.Core;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>What a handler sees of a call, for calling a gRPC service's methods directly.</summary>
internal sealed class TestCallContext : ServerCallContext
{
    public override string Method => "test";
    public override string Host => "localhost";
    public override string Peer => "ipv4:127.0.0.1:1";
    public override DateTime Deadline => DateTime.MaxValue;
    public override Metadata RequestHeaders { get; } = [];
    public override CancellationToken CancellationToken => CancellationToken.None;
    public override Metadata ResponseTrailers { get; } = [];
    public override Status Status { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
}
