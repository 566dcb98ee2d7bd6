using Mash.ServiceDefaults;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Consulting;
using Mash.Outcomes.Correcting;
using Mash.Outcomes.Counting;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Steps;
using Grpc.Core;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Outcomes.Grpc;

/// <summary>
/// mash.outcomes.v1.OutcomesService: MASH practitioners and managers record outcomes; board members
/// and managers watch them (pseudonymous, but about people: each stream's opening is audited).
/// </summary>
internal sealed partial class OutcomesGrpcService(
    OutcomeRecorder recorder, StepRound round, OutcomeCorrector corrector, OutcomeHistoryReader histories, FeedbackRecorder feedback, FeedbackCounter feedbackCounts,
    ConsultationRecorder consultations, OutcomeCounter outcomeCounts,
    OutcomeBroadcaster broadcaster, OutcomeFeed feed, Vocabulary vocabulary, Moments moments, IHostApplicationLifetime lifetime, AuditLog audit, Refusals refusals)
    : OutcomesService.OutcomesServiceBase
{
    /// <summary>
    /// The outcome, recorded as the caller of the credentials (at an importer's occurred_at, else now). <c>practitioner_id</c> is kept for older
    /// clients: empty or the caller's own id; naming anyone else is PERMISSION_DENIED, on record as denied.
    /// </summary>
    [Authorize(Policy = OutcomesPolicies.Recording)]
    public override async Task<RecordOutcomeResponse> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var asked = await OutcomeAskedAsync(request, context);
        return Answer(request, await recorder.RecordAsync(asked.ContactId, asked.Asked, asked.PractitionerId, context.CancellationToken));
    }

    /// <summary>The request checked before the database: well formed, as the caller, at a time the caller may give.</summary>
    private async Task<ContactStep.Outcome> OutcomeAskedAsync(RecordOutcomeRequest request, ServerCallContext context)
    {
        if (RecordOutcomeRules.Check(request, vocabulary) is { Count: > 0 } violations)
        {
            // Every field at fault in the BadRequest; the first in the message.
            throw RpcErrors.InvalidArgument(RpcErrors.Describe(violations.Take(1)), violations);
        }
        var caller = context.GetCaller();
        if (request.PractitionerId.Length > 0 && request.PractitionerId != caller.Id)
        {
            throw await refusals.RefuseAsync(context, request.ContactId, "practitioner_id names someone other than the caller: an outcome is recorded as whoever the credentials name; leave it empty.");
        }
        var at = await moments.GivenAsync(request.OccurredAt, context, request.ContactId);
        return new(request.ContactId, new NewOutcome(request.Outcome, request.OnwardAgencyIds, request.Gaps, at), caller.Id);
    }

    private static RecordOutcomeResponse Answer(RecordOutcomeRequest request, RecordOutcomeResult result) => result switch
    {
        RecordOutcomeResult.Recorded recorded => new RecordOutcomeResponse { CaseRef = recorded.CaseRef },
        RecordOutcomeResult.UnknownContact => throw RpcErrors.NotFound($"No contact {request.ContactId} is known to Outcomes."),
        RecordOutcomeResult.Refused refused => throw RpcErrors.FailedPrecondition(refused.Reason),
        var other => throw new InvalidOperationException($"Unexpected result {other}."),
    };

    /// <summary>
    /// Every outcome recorded from now on, or after the board's resume position (after_sequence: the
    /// feed since, then live), until the client cancels (a clean end), this replica stops
    /// (UNAVAILABLE: reconnect with the last feed_sequence seen, another replica will serve) or the
    /// client falls a whole buffer behind (RESOURCE_EXHAUSTED: reconnect likewise and read faster).
    /// </summary>
    [Authorize(Policy = MashPolicies.Board)]
    public override async Task SubscribeOutcomes(SubscribeOutcomesRequest request, IServerStreamWriter<OutcomeRecorded> responseStream, ServerCallContext context)
    {
        if (request.HasAfterSequence && request.AfterSequence < 0)
        {
            throw RpcErrors.InvalidArgument("after_sequence", "A feed position is 0 or more: the feed_sequence of the last outcome seen.");
        }
        // Subscribed first, so nothing recorded while the audit row is written is missed; nothing is sent before it.
        using var subscription = broadcaster.Subscribe();
        await audit.RecordAsync(context, recordId: null, AuditOutcome.Allowed);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping, subscription.TooSlow);
        try
        {
            await foreach (var outcome in feed.ReadAsync(request.HasAfterSequence ? request.AfterSequence : null, subscription, ending.Token))
            {
                await responseStream.WriteAsync(outcome, ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // Which of the three ended it is decided below.
        }
        if (context.CancellationToken.IsCancellationRequested)
        {
            return;
        }
        if (subscription.IsTooSlow)
        {
            throw RpcErrors.ResourceExhausted("The stream fell too far behind the outcomes being recorded; subscribe again with after_sequence set to the last feed_sequence seen.");
        }
        throw RpcErrors.Unavailable("This Outcomes replica is stopping; subscribe again with after_sequence set to the last feed_sequence seen.");
    }
}
