using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Consulting;
using Mash.Outcomes.Counting;
using Mash.Outcomes.Feedback;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>Consultations given (O7), and the outcomes measures by agency for the board (O1, O2, O5–O7).</summary>
internal sealed partial class OutcomesGrpcService
{
    [Authorize(Policy = OutcomesPolicies.Recording)]
    public override async Task<RecordConsultationResponse> RecordConsultation(RecordConsultationRequest request, ServerCallContext context)
    {
        if (RecordConsultationRules.Check(request, vocabulary) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var at = await moments.OfAsync(request.OccurredAt, context, recordId: null);
        var requestId = request.RequestId.Length > 0 ? Guid.Parse(request.RequestId) : (Guid?)null;
        var id = await consultations.RecordAsync(requestId, request.AgencyId, request.Kind, context.GetCaller().Id, at, context.CancellationToken);
        return new RecordConsultationResponse { ConsultationId = id.ToString() };
    }

    /// <summary>Counts only, no personal data: not audited.</summary>
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<OutcomeCounts> GetOutcomeCounts(GetOutcomeCountsRequest request, ServerCallContext context)
    {
        if (PeriodRules.Check(request.From, request.To) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var agencies = await outcomeCounts.CountAsync(
            request.From.ToDateTimeOffset(), request.To.ToDateTimeOffset(), InappropriateReferrals.Codes(vocabulary), context.CancellationToken);
        return new OutcomeCounts
        {
            Agencies =
            {
                agencies.Select(a => new AgencyOutcomeCounts
                {
                    AgencyId = a.AgencyId, Outcomes = { a.Outcomes.ToDictionary() }, Inappropriate = a.Inappropriate, Gaps = { a.Gaps.ToDictionary() },
                    Contributed = a.Contributed, Received = a.Received, Consultations = { a.Consultations.ToDictionary() },
                }),
            },
        };
    }
}
