using Google.Protobuf.WellKnownTypes;
using Mash.Intake.Validation;
using MashGrpc.Core;
using MashGrpc.Rpc;

namespace Mash.Intake.Grpc;

/// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest naming every field at fault, and the same in words.</summary>
internal static class InvalidArgument
{
    public static RpcException Of(string summary, IReadOnlyList<Violation> violations) => new MashGrpc.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = $"{summary}: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}.",
        Details =
        {
            Any.Pack(new BadRequest
            {
                FieldViolations = { violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }) },
            }),
        },
    }.ToRpcException();
}
