using Google.Protobuf.WellKnownTypes;
using MashGrpc.Core;
using MashGrpc.Rpc;
using FieldViolation = MashGrpc.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Triage.Grpc;

/// <summary>The failures Triage answers with, in gRPC's rich error model (google.rpc.Status with details).</summary>
internal static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a BadRequest naming every field at fault.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations) => new MashGrpc.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
        Details = { Any.Pack(new BadRequest { FieldViolations = { violations } }) },
    }.ToRpcException();

    public static RpcException NotFound(string message) =>
        new(new MashGrpc.Core.Status(StatusCode.NotFound, message));

    public static RpcException FailedPrecondition(string message) =>
        new(new MashGrpc.Core.Status(StatusCode.FailedPrecondition, message));
}
