using Mash.Contracts.Intake.V1;
using Grpc.Core;
using Google.Rpc;
using FieldViolation = Mash.Contracts.Intake.V1.FieldViolation;

namespace Mash.Intake.Grpc;

/// <summary>SubmitContact's refusals as a bulk item's <see cref="ContactRejection"/>: the same code, message and fields at fault.</summary>
internal static class ContactRejections
{
    /// <summary>A refusal of the item itself (its content, its agency, or an importer's item ahead of its earlier contacts' decisions), not a failure of the service.</summary>
    public static bool IsRejection(RpcException exception) =>
        exception.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.FailedPrecondition;

    public static ContactRejection From(RpcException exception)
    {
        var rejection = new ContactRejection { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        foreach (var detail in exception.GetRpcStatus()?.Details ?? [])
        {
            if (detail.TryUnpack<BadRequest>(out var badRequest))
            {
                rejection.FieldViolations.Add(badRequest.FieldViolations.Select(v => new FieldViolation { Field = v.Field, Description = v.Description }));
            }
        }
        return rejection;
    }
}
