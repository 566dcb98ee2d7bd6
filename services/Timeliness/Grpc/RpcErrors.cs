using Google.Protobuf.WellKnownTypes;
using MashGrpc.Core;
using MashGrpc.Rpc;

namespace Mash.Timeliness.Grpc;

/// <summary>The failures Timeliness answers with, in gRPC's rich error model (google.rpc.Status with details).</summary>
internal static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a BadRequest naming the field at fault.</summary>
    public static RpcException InvalidArgument(string field, string description) => new MashGrpc.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = $"{field}: {description}",
        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
    }.ToRpcException();

    public static RpcException NotFound(string message) =>
        new(new MashGrpc.Core.Status(StatusCode.NotFound, message));
}
