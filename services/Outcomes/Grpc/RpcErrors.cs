using Google.Protobuf.WellKnownTypes;
using MashGrpc.Core;
using MashGrpc.Rpc;
using Status = MashGrpc.Core.Status;
using static MashGrpc.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Grpc;

/// <summary>The failures this API answers with, as google.rpc.Status so clients can read the details.</summary>
internal static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT naming every field at fault, the first in the message.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations) => new MashGrpc.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = $"{violations[0].Field}: {violations[0].Description}",
        Details = { Any.Pack(new BadRequest { FieldViolations = { violations } }) },
    }.ToRpcException();

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException FailedPrecondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException ResourceExhausted(string message) => new(new Status(StatusCode.ResourceExhausted, message));

    public static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));
}
