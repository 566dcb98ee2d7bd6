using Google.Protobuf;
using MashGrpc.Core;

namespace MashGrpc.Rpc;

/// <summary>The rich error model: a google.rpc.Status with typed details, carried in <c>grpc-status-details-bin</c>.</summary>
public static class RpcStatusExtensions
{
    public const string StatusDetailsTrailerName = "grpc-status-details-bin";

    public static RpcException ToRpcException(this Status status) =>
        new(new Core.Status((StatusCode)status.Code, status.Message), new Metadata { { StatusDetailsTrailerName, status.ToByteArray() } });

    /// <summary>The rich status a server sent with this failure, if it sent one.</summary>
    public static Status? GetRpcStatus(this RpcException exception) =>
        exception.Trailers.GetValueBytes(StatusDetailsTrailerName) is { } bytes ? Status.Parser.ParseFrom(bytes) : null;
}
