using Google.Protobuf.WellKnownTypes;
using MashGrpc.Core;
using MashGrpc.Rpc;
using static MashGrpc.Rpc.BadRequest.Types;

namespace Mash.Quality.Grpc;

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
}
