using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Correcting;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>Corrections (O1): practitioners and managers correct an outcome as themselves (importers with the time), and read a contact's history.</summary>
internal sealed partial class OutcomesGrpcService
{
    [Authorize(Policy = OutcomesPolicies.Recording)]
    public override async Task<CorrectOutcomeResponse> CorrectOutcome(CorrectOutcomeRequest request, ServerCallContext context)
    {
        if (CorrectOutcomeRules.Check(request, vocabulary) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var at = await moments.GivenAsync(request.OccurredAt, context, request.ContactId);
        return await corrector.CorrectAsync(request.ContactId, request.Outcome, request.Reason, context.GetCaller().Id, at, context.CancellationToken) switch
        {
            CorrectOutcomeResult.Corrected corrected => new CorrectOutcomeResponse { CaseRef = corrected.CaseRef, Revision = corrected.Revision },
            CorrectOutcomeResult.NoOutcome => throw RpcErrors.NotFound($"Contact {request.ContactId} has no outcome recorded to correct; record one first."),
            CorrectOutcomeResult.Refused refused => throw RpcErrors.FailedPrecondition(refused.Reason),
            CorrectOutcomeResult.BadTime badTime => throw RpcErrors.InvalidArgument("occurred_at", badTime.Reason),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>The history names practitioners and their reasons about one contact: every read is audited, found or not.</summary>
    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<OutcomeHistory> GetOutcomeHistory(GetOutcomeHistoryRequest request, ServerCallContext context)
    {
        if (ContactIds.Violation(request.ContactId) is { } violation)
        {
            throw RpcErrors.InvalidArgument([violation]);
        }
        await audit.RecordAsync(context, request.ContactId, AuditOutcome.Allowed);
        var history = await histories.ReadAsync(request.ContactId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"Contact {request.ContactId} has no outcome recorded.");
        return new OutcomeHistory
        {
            CaseRef = history.CaseRef,
            Revisions =
            {
                history.Revisions.Select(r => new OutcomeRevision
                {
                    Revision = r.Number, Outcome = r.Outcome, PreviousOutcome = r.PreviousOutcome, PractitionerId = r.PractitionerId, Reason = r.Reason,
                    OccurredAt = Timestamp.FromDateTimeOffset(r.OccurredAt), RecordedAt = Timestamp.FromDateTimeOffset(r.RecordedAt),
                }),
            },
        };
    }
}
