using Mash.ServiceDefaults;
using Mash.Triage.Queue;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Triage.Grpc;

/// <summary>A domain result as the call's answer, or as its status: NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT, PERMISSION_DENIED.</summary>
internal static class Answers
{
    public static T Of<T>(ScreeningResult<T> result) => result switch
    {
        ScreeningResult<T>.Done done => done.Value,
        ScreeningResult<T>.Unknown unknown => throw RpcErrors.NotFound(unknown.Message),
        ScreeningResult<T>.WrongState wrong => throw RpcErrors.FailedPrecondition(wrong.Reason),
        ScreeningResult<T>.BadField bad => throw RpcErrors.InvalidArgument(bad.Field, bad.Reason),
        ScreeningResult<T>.NotAllowed denied => throw RpcErrors.PermissionDenied(denied.Reason),
        _ => throw new InvalidOperationException($"Unexpected result {result}."),
    };

    public static void ThrowIfInvalid(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
