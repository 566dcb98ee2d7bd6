using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Triage.V1;
using Mash.Importer.Export;

namespace Mash.Importer.Replay;

/// <summary>
/// Replays steps in their time order through the platform's gRPC APIs, as the importer. Consecutive
/// contacts go to Intake in one SubmitContactBatches batch; every other step is one call. Each step
/// is idempotent on its own (README.md, "Running it again") and recorded in the checkpoint once the
/// platform has it; a step the platform refuses is reported with its row and the rest go on.
/// </summary>
internal sealed class Replayer(PlatformClients platform, Checkpoint checkpoint, Settling settling, Action<ImportStep> advanced, int batchSize = 500)
{
    private readonly List<RowProblem> problems = [];
    // Contacts decided as referrals whose decision Intake may not have heard yet, by legacy child: a
    // later contact about the child waits for it, so its repeat referrals (O3) are found as live.
    private readonly Dictionary<string, List<string>> unheardReferrals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> childOfContact = new(StringComparer.Ordinal);
    private int replayed;
    private int alreadyDone;

    public async Task<ImportSummary> RunAsync(IReadOnlyList<ImportStep> steps, CancellationToken cancellationToken)
    {
        foreach (var contact in steps.OfType<ContactStep>())
        {
            childOfContact[contact.ContactId] = contact.Contact.Child.ChildId;
        }
        for (var i = 0; i < steps.Count;)
        {
            if (steps[i] is ContactStep)
            {
                var batch = steps.Skip(i).Take(batchSize).TakeWhile(s => s is ContactStep).Cast<ContactStep>().ToList();
                await SubmitContactsAsync(batch, cancellationToken);
                i += batch.Count;
                continue;
            }
            await ReplayAsync(steps[i], cancellationToken);
            i++;
        }
        return new ImportSummary(replayed, alreadyDone, problems);
    }

    private async Task SubmitContactsAsync(List<ContactStep> batch, CancellationToken cancellationToken)
    {
        var toSend = batch.Where(s => !Skipped(s)).ToList();
        if (toSend.Count == 0)
        {
            return;
        }
        await AwaitReferralsHeardAsync(toSend.Select(s => s.Contact.Child.ChildId), cancellationToken);
        var results = await settling.RetryAsync(async () =>
        {
            using var call = platform.Intake.SubmitContactBatches(platform.Credentials, cancellationToken: cancellationToken);
            await call.RequestStream.WriteAsync(new SubmitContactBatch { Contacts = { toSend.Select(ContactRequests.For) } }, cancellationToken);
            await call.RequestStream.CompleteAsync();
            return await call.ResponseStream.MoveNext(cancellationToken) ? call.ResponseStream.Current.Results : throw new RpcException(new Status(StatusCode.Unavailable, "Intake ended the batch unanswered."));
        }, cancellationToken);
        foreach (var (step, result) in toSend.Zip(results))
        {
            if (result.Accepted is { } accepted)
            {
                checkpoint.RememberContact(step.ContactId, accepted.ContactId);
                Done(step);
            }
            else
            {
                Refused(step, $"Intake refused it: {result.Rejected.Message}");
            }
        }
    }

    private async Task ReplayAsync(ImportStep step, CancellationToken cancellationToken)
    {
        if (Skipped(step))
        {
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
                InformationResponseStep response => AnswerAsync(response, contactId, cancellationToken),
                DecisionStep decision => DecideAsync(decision, contactId, cancellationToken),
                OutcomeStep outcome => RecordOutcomeAsync(outcome, contactId, cancellationToken),
                FeedbackStep feedback => FeedBackAsync(feedback, contactId, cancellationToken),
                _ => throw new InvalidOperationException($"No replay for {step.GetType().Name}."),
            });
            Done(step);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            Refused(step, $"the platform refused it ({e.StatusCode}): {e.Status.Detail}");
        }
    }

    /// <summary>A rating already in the contact's history at its time (a re-run) is not given again: a re-rating replayed twice would change the RAG back.</summary>
    private async Task RateAsync(RatingStep step, string contactId, CancellationToken cancellationToken)
    {
        var history = await settling.RetryAsync(() => platform.Triage.GetRatingHistoryAsync(new() { ContactId = contactId }, platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        if (history.Ratings.Any(r => r.RatedAt.ToDateTimeOffset() == step.At))
        {
            return;
        }
        await settling.RetryAsync(() => platform.Triage.RateContactAsync(
            new RateContactRequest { ContactId = contactId, Rag = step.Rag, Reason = step.Reason, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    /// <summary>A request is found again by its contact, agency and time, so a re-run without the checkpoint asks nothing twice.</summary>
    private async Task RequestAsync(InformationRequestStep step, string contactId, CancellationToken cancellationToken)
    {
        if (checkpoint.RequestIdOf(step.RequestId) is not null)
        {
            return;
        }
        var asked = await FindRequestAsync(contactId, step.AgencyId, step.At, cancellationToken)
            ?? await settling.RetryAsync(() => platform.Triage.RequestInformationAsync(new RequestInformationRequest
            {
                ContactId = contactId,
                AgencyId = step.AgencyId,
                Question = step.Question,
                DueAt = step.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
                OccurredAt = Timestamp.FromDateTimeOffset(step.At),
            }, platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        checkpoint.RememberRequest(step.RequestId, asked.RequestId);
    }

    private async Task AnswerAsync(InformationResponseStep step, string contactId, CancellationToken cancellationToken)
    {
        var requests = await ListRequestsAsync(contactId, cancellationToken);
        var requestId = checkpoint.RequestIdOf(step.RequestId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"request {step.RequestId} was not imported (see its line in {InformationRequestRows.File})"));
        if (requests.FirstOrDefault(r => r.RequestId == requestId) is { AnsweredAt: not null })
        {
            return;
        }
        await settling.RetryAsync(() => platform.Triage.AnswerInformationRequestAsync(
            new AnswerInformationRequestRequest { RequestId = requestId, Answer = step.Answer, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    /// <summary>The same decision again is a retry to Triage; a referral is remembered until Intake has heard of it.</summary>
    private async Task DecideAsync(DecisionStep step, string contactId, CancellationToken cancellationToken)
    {
        await settling.RetryAsync(() => platform.Triage.RecordDecisionAsync(
            new RecordDecisionRequest { ContactId = contactId, ThresholdMet = step.ThresholdMet, Rationale = step.Rationale, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        if (step.ThresholdMet && childOfContact.TryGetValue(step.ContactId, out var child))
        {
            (unheardReferrals.TryGetValue(child, out var contacts) ? contacts : unheardReferrals[child] = []).Add(contactId);
        }
    }

    /// <summary>The same outcome again is a retry to Outcomes.</summary>
    private Task RecordOutcomeAsync(OutcomeStep step, string contactId, CancellationToken cancellationToken) =>
        settling.RetryAsync(() => platform.Outcomes.RecordOutcomeAsync(
            new RecordOutcomeRequest { ContactId = contactId, Outcome = step.Outcome, OnwardAgencyIds = { step.OnwardAgencyIds }, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);

    /// <summary>Telling an agency again is answered with the first telling.</summary>
    private Task FeedBackAsync(FeedbackStep step, string contactId, CancellationToken cancellationToken) =>
        settling.RetryAsync(() => platform.Outcomes.RecordFeedbackAsync(
            new RecordFeedbackRequest { ContactId = contactId, AgencyId = step.AgencyId, OccurredAt = Timestamp.FromDateTimeOffset(step.At) },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);

    private async Task<InformationRequest?> FindRequestAsync(string contactId, string agencyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await ListRequestsAsync(contactId, cancellationToken)).FirstOrDefault(r => r.AgencyId == agencyId && r.RequestedAt.ToDateTimeOffset() == at);

    private async Task<IReadOnlyList<InformationRequest>> ListRequestsAsync(string contactId, CancellationToken cancellationToken) =>
        (await settling.RetryAsync(() => platform.Triage.ListInformationRequestsAsync(new ListInformationRequestsRequest { ContactId = contactId },
            platform.Credentials, cancellationToken: cancellationToken).ResponseAsync, cancellationToken)).Requests;

    /// <summary>Waits until Intake has heard of each earlier referral about these children (its contact DECIDED or later).</summary>
    private async Task AwaitReferralsHeardAsync(IEnumerable<string> children, CancellationToken cancellationToken)
    {
        foreach (var child in children.Distinct())
        {
            if (!unheardReferrals.Remove(child, out var contacts))
            {
                continue;
            }
            foreach (var contactId in contacts)
            {
                await settling.RetryAsync(async () =>
                {
                    var record = await platform.Intake.GetContactAsync(new GetContactRequest { ContactId = contactId }, platform.Credentials, cancellationToken: cancellationToken);
                    return record.Status >= ContactStatus.Decided ? record : throw new RpcException(new Status(StatusCode.FailedPrecondition, "Intake has not heard of the decision yet."));
                }, cancellationToken);
            }
        }
    }

    private bool Skipped(ImportStep step)
    {
        if (!checkpoint.IsDone(step))
        {
            return false;
        }
        alreadyDone++;
        advanced(step);
        return true;
    }

    private void Done(ImportStep step)
    {
        checkpoint.MarkDone(step);
        replayed++;
        advanced(step);
    }

    private void Refused(ImportStep step, string reason)
    {
        problems.Add(new RowProblem(step.File, step.Line, reason));
        advanced(step);
    }
}
