using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Steps;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>Feedback to the referrer and contributors (O4): recorded as the caller, counted for the board.</summary>
internal sealed partial class OutcomesGrpcService
{
    [Authorize(Policy = OutcomesPolicies.Recording)]
    public override async Task<RecordFeedbackResponse> RecordFeedback(RecordFeedbackRequest request, ServerCallContext context)
    {
        var asked = await TellingAskedAsync(request, context);
        return Answer(request, await feedback.RecordAsync(asked.ContactId, asked.AgencyId, asked.GivenBy, asked.ToldAt, context.CancellationToken));
    }

    /// <summary>The request checked before the database: well formed, at a time the caller may give; told by the caller.</summary>
    private async Task<ContactStep.Telling> TellingAskedAsync(RecordFeedbackRequest request, ServerCallContext context)
    {
        if (RecordFeedbackRules.Check(request) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var toldAt = await moments.OfAsync(request.OccurredAt, context, request.ContactId);
        return new(request.ContactId, request.AgencyId, context.GetCaller().Id, toldAt);
    }

    private static RecordFeedbackResponse Answer(RecordFeedbackRequest request, RecordFeedbackResult result) => result switch
    {
        RecordFeedbackResult.Told told => new RecordFeedbackResponse
        {
            CaseRef = told.CaseRef, ToldAt = Timestamp.FromDateTimeOffset(told.ToldAt), NotYetTold = { told.NotYetTold },
        },
        RecordFeedbackResult.NoOutcome => throw RpcErrors.NotFound($"Contact {request.ContactId} has no outcome recorded to tell."),
        RecordFeedbackResult.NotOwed notOwed => throw RpcErrors.FailedPrecondition(notOwed.Reason),
        RecordFeedbackResult.BadTime badTime => throw RpcErrors.InvalidArgument("occurred_at", badTime.Reason),
        var other => throw new InvalidOperationException($"Unexpected result {other}."),
    };

    /// <summary>Counts only, no personal data: not audited.</summary>
    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<FeedbackCounts> GetFeedbackCounts(GetFeedbackCountsRequest request, ServerCallContext context)
    {
        if (PeriodRules.Check(request.From, request.To) is { Count: > 0 } violations)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var agencies = await feedbackCounts.CountAsync(request.From.ToDateTimeOffset(), request.To.ToDateTimeOffset(), context.CancellationToken);
        return new FeedbackCounts { Agencies = { agencies.Select(Message) }, Total = Message(FeedbackTally.Total(agencies)) };
    }

    private static AgencyFeedback Message(FeedbackTally tally) => new()
    {
        AgencyId = tally.AgencyId, Owed = tally.Owed, Told = tally.Told, NotTold = tally.NotTold, PercentTold = tally.PercentTold,
        AverageTimeToTell = Duration.FromTimeSpan(tally.AverageTimeToTell), LongestTimeToTell = Duration.FromTimeSpan(tally.LongestTimeToTell),
    };
}
