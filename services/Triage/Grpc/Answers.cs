using Grpc.Core;
using Mash.ServiceDefaults;
using Mash.Triage.Queue;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.Triage.Grpc;

/// <summary>
/// A domain result as the call's answer, or as its status: NOT_FOUND, FAILED_PRECONDITION,
/// INVALID_ARGUMENT, or PERMISSION_DENIED for what the call asked of <c>recordId</c> (on record in the
/// audit log, as every refusal is).
/// </summary>
internal sealed class Answers(Refusals refusals)
{
    public async Task<T> OfAsync<T>(ScreeningResult<T> result, ServerCallContext context, string recordId) => result switch
    {
        ScreeningResult<T>.Done done => done.Value,
        ScreeningResult<T>.Unknown unknown => throw RpcErrors.NotFound(unknown.Message),
        ScreeningResult<T>.WrongState wrong => throw RpcErrors.FailedPrecondition(wrong.Reason),
        ScreeningResult<T>.BadField bad => throw RpcErrors.InvalidArgument(bad.Field, bad.Reason),
        ScreeningResult<T>.NotAllowed denied => throw await refusals.RefuseAsync(context, recordId, denied.Reason),
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
