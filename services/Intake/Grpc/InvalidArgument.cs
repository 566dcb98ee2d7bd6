using Mash.ServiceDefaults;
using Mash.Intake.Validation;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Intake.Grpc;

/// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest naming every field at fault, and the same in words after a summary.</summary>
internal static class InvalidArgument
{
    public static RpcException Of(string summary, IReadOnlyList<Violation> violations)
    {
        var fields = violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }).ToList();
        return RpcErrors.InvalidArgument($"{summary}: {RpcErrors.Describe(fields)}.", fields);
    }
}
