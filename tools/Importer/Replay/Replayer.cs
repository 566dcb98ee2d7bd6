using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;
// The importer's own OutcomeStep is the row from outcomes.csv; this is the call's.
using OutcomeCall = Mash.Contracts.Outcomes.V1.OutcomeStep;
using Mash.Importer.Export;

namespace Mash.Importer.Replay;

/// <summary>
/// Replays steps through the platform's gRPC APIs, as the importer. A child's steps replay one after
/// another in time order (a later contact about the child must find the earlier referral, as it would
/// have live); up to <paramref name="childrenAtOnce"/> children replay at once, so a step waiting for
/// the platform to catch up holds back only its own child. The steps the children send at the same
/// moment travel together, many a call (<see cref="BatchedCalls"/>). Each step is idempotent on its own
/// (README.md, "Running it again") and recorded in the checkpoint once the platform has it; a step the
/// platform refuses is reported with its row and the rest go on.
/// </summary>
internal sealed class Replayer(PlatformClients platform, Checkpoint checkpoint, Settling settling, Action<ImportStep> advanced, int childrenAtOnce)
{
    private readonly BatchedCalls calls = new(platform);
    private readonly Lock progress = new();
    private readonly List<RowProblem> problems = [];
    private int replayed;
    private int alreadyDone;

    public async Task<ImportSummary> RunAsync(IReadOnlyList<ImportStep> steps, CancellationToken cancellationToken)
    {
        // Every step's contact is in the export (LegacyExport), and a contact is about one child.
        var childOf = steps.OfType<ContactStep>().ToDictionary(c => c.ContactId, c => c.Contact.Child.ChildId, StringComparer.Ordinal);
        var children = steps.GroupBy(s => childOf[s.ContactId], StringComparer.Ordinal);
        await calls.RunAsync(() => Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = childrenAtOnce, CancellationToken = cancellationToken },
            (child, token) => ReplayChildAsync(child, token)), cancellationToken);
        return new ImportSummary(replayed, alreadyDone, [.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line)], settling.TriedAgain);
    }

    private async ValueTask ReplayChildAsync(IEnumerable<ImportStep> steps, CancellationToken cancellationToken)
    {
        // The child's contacts decided as referrals that Intake may not have heard of yet: the next
        // contact about the child waits for them, so its repeat referrals (O3) are found as live.
        var unheardReferrals = new List<string>();
        foreach (var step in steps)
        {
            await ReplayAsync(step, unheardReferrals, cancellationToken);
        }
    }

    private async Task ReplayAsync(ImportStep step, List<string> unheardReferrals, CancellationToken cancellationToken)
    {
        if (Skipped(step))
        {
            return;
        }
        if (step is ContactStep contact)
        {
            await SubmitAsync(contact, unheardReferrals, cancellationToken);
            return;
        }
        if (checkpoint.ContactIdOf(step.ContactId) is not { } contactId)
        {
            Refused(step, $"contact_id: contact {step.ContactId} was not imported (see its own line)");
            return;
        }
        try
        {
            await (step switch
            {
                RatingStep rating => RateAsync(rating, contactId, cancellationToken),
                InformationRequestStep request => RequestAsync(request, contactId, cancellationToken),
                InformationResponseStep response => AnswerAsync(response, cancellationToken),
                DecisionStep decision => DecideAsync(decision, contactId, unheardReferrals, cancellationToken),
                OutcomeStep outcome => RecordOutcomeAsync(outcome, contactId, cancellationToken),
                FeedbackStep feedback => FeedBackAsync(feedback, contactId, cancellationToken),
                _ => throw new InvalidOperationException($"No replay for {step.GetType().Name}."),
            });
            Done(step);
        }
        catch (RpcException e) when (IsRefusal(e.StatusCode))
        {
            Refused(step, $"the platform refused it ({e.StatusCode}): {e.Status.Detail}");
        }
    }

    private static bool IsRefusal(StatusCode code) =>
        code is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.PermissionDenied;

    /// <summary>
    /// Intake answers a request id it has seen with the contact it first made, so a re-run makes none
    /// twice. The contact names the child's earlier referrals, which Intake refuses it (FAILED_PRECONDITION,
    /// tried again) until it has heard decided.
    /// </summary>
    private async Task SubmitAsync(ContactStep step, List<string> unheardReferrals, CancellationToken cancellationToken)
    {
        try
        {
            var contactId = await settling.RetryAsync(() => calls.Contacts.TakeAsync(ContactRequests.For(step, unheardReferrals), cancellationToken), cancellationToken);
            checkpoint.RememberContact(step.ContactId, contactId);
            Done(step);
        }
        catch (RpcException e) when (IsRefusal(e.StatusCode))
        {
            Refused(step, $"Intake refused it: {e.Status.Detail}");
        }
        unheardReferrals.Clear();
    }

    /// <summary>A rating already in the contact's history at its time (a re-run) is answered as done by Triage and changes nothing.</summary>
    private Task RateAsync(RatingStep step, string contactId, CancellationToken cancellationToken) =>
        ScreenAsync(new ScreeningStep
        {
            Rating = new RateContactRequest { ContactId = contactId, Rag = step.Rag, Reason = step.Reason, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
        }, cancellationToken);

    /// <summary>Triage answers a request it was given before (its contact, agency and time) with that request, so a re-run without the checkpoint asks nothing twice.</summary>
    private async Task RequestAsync(InformationRequestStep step, string contactId, CancellationToken cancellationToken)
    {
        if (checkpoint.RequestIdOf(step.RequestId) is not null)
        {
            return;
        }
        var requestId = await ScreenAsync(new ScreeningStep
        {
            InformationRequest = new RequestInformationRequest
            {
                ContactId = contactId,
                AgencyId = step.AgencyId,
                Question = step.Question,
                DueAt = step.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
                OccurredAt = Timestamp.FromDateTimeOffset(step.At),
            },
        }, cancellationToken);
        checkpoint.RememberRequest(step.RequestId, requestId);
    }

    /// <summary>The same answer again is answered as done by Triage.</summary>
    private Task AnswerAsync(InformationResponseStep step, CancellationToken cancellationToken)
    {
        var requestId = checkpoint.RequestIdOf(step.RequestId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"request {step.RequestId} was not imported (see its line in {InformationRequestRows.File})"));
        return ScreenAsync(new ScreeningStep
        {
            Answer = new AnswerInformationRequestRequest { RequestId = requestId, Answer = step.Answer, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
        }, cancellationToken);
    }

    /// <summary>The same decision again is a retry to Triage; a referral is remembered for the child's next contact to name.</summary>
    private async Task DecideAsync(DecisionStep step, string contactId, List<string> unheardReferrals, CancellationToken cancellationToken)
    {
        await ScreenAsync(new ScreeningStep
        {
            Decision = new RecordDecisionRequest { ContactId = contactId, ThresholdMet = step.ThresholdMet, Rationale = step.Rationale, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
        }, cancellationToken);
        if (step.ThresholdMet)
        {
            unheardReferrals.Add(contactId);
        }
    }

    /// <summary>The same outcome again is a retry to Outcomes.</summary>
    private Task RecordOutcomeAsync(OutcomeStep step, string contactId, CancellationToken cancellationToken) =>
        RecordAsync(new OutcomeCall
        {
            Outcome = new RecordOutcomeRequest { ContactId = contactId, Outcome = step.Outcome, OnwardAgencyIds = { step.OnwardAgencyIds }, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
        }, cancellationToken);

    /// <summary>Telling an agency again is answered with the first telling.</summary>
    private Task FeedBackAsync(FeedbackStep step, string contactId, CancellationToken cancellationToken) =>
        RecordAsync(new OutcomeCall
        {
            Feedback = new RecordFeedbackRequest { ContactId = contactId, AgencyId = step.AgencyId, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
        }, cancellationToken);

    private Task<string> ScreenAsync(ScreeningStep step, CancellationToken cancellationToken) =>
        settling.RetryAsync(() => calls.Screening.TakeAsync(step, cancellationToken), cancellationToken);

    private Task<string> RecordAsync(OutcomeCall step, CancellationToken cancellationToken) =>
        settling.RetryAsync(() => calls.Outcomes.TakeAsync(step, cancellationToken), cancellationToken);

    private bool Skipped(ImportStep step)
    {
        if (!checkpoint.IsDone(step))
        {
            return false;
        }
        Advanced(step, ref alreadyDone);
        return true;
    }

    private void Done(ImportStep step)
    {
        checkpoint.MarkDone(step);
        Advanced(step, ref replayed);
    }

    private void Refused(ImportStep step, string reason)
    {
        lock (progress)
        {
            problems.Add(new RowProblem(step.File, step.Line, reason));
            advanced(step);
        }
    }

    private void Advanced(ImportStep step, ref int count)
    {
        lock (progress)
        {
            count++;
            advanced(step);
        }
    }
}
