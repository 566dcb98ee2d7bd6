using Grpc.Core;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Auditing;
using Mash.Triage.Content;
using Mash.Triage.Decisions;
using Mash.Triage.Queue;
using Mash.Triage.Risk;
using Mash.ServiceDefaults;
using Mash.Contracts.Common.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Triage.Grpc;

/// <summary>
/// mash.triage.v1.TriageService: a thin adapter from messages to the domain. Each RPC is behind its
/// role's policy (README, "Who may call Triage"); it checks the request's shape, takes who acts from
/// the credentials and when from the server's clock (or an importer's occurred_at), records each read
/// of personal data and each refusal in the audit log, and turns the domain's answer into the reply or a status.
/// </summary>
internal sealed partial class TriageGrpcService(
    Screening screening,
    QueueStore queue,
    RatingStore ratings,
    Conversions conversions,
    InformationSharing.InformationRequests information,
    InformationSharing.InformationRequestStore informationStore,
    Escalations.EscalationLog escalationLog,
    Escalations.EscalationStore escalationStore,
    IntakeContent content,
    ReadAudit audit,
    RagScheme scheme,
    Vocabulary vocabulary,
    AgencyCredentials agencies,
    Answers answers,
    Moments moments,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time) : TriageService.TriageServiceBase
{
    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<ListQueueResponse> ListQueue(ListQueueRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ListQueue(request, queueOptions.Value, vocabulary));
        var (after, asOf) = string.IsNullOrEmpty(request.PageToken)
            ? (null, time.GetUtcNow())
            : QueuePageTokens.Decode(request.PageToken, request) is { } position
                ? (position.After, position.AsOf)
                : throw RpcErrors.InvalidArgument("page_token", "is not a token of this request: send the next_page_token of the page before, with the same filters");
        var page = await screening.ListQueueAsync(
            new QueuePageRequest(QueuePaging.FilterOf(request), QueuePaging.PageSize(request.PageSize, queueOptions.Value), after, asOf), context.CancellationToken);
        await audit.RecordAsync(context, [.. page.Entries.Select(e => e.ContactId)], AuditOutcome.Allowed);
        return new ListQueueResponse
        {
            Items = { page.Entries.Select(e => QueueItems.ToQueueItem(e, scheme)) },
            NextPageToken = page.Next is { } next ? QueuePageTokens.Encode(next, asOf, request) : "",
        };
    }

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<QueueItem> ClaimContact(ClaimContactRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
        var entry = await answers.OfAsync(await screening.ClaimAsync(request.ContactId, Callers.ActorOf(context), context.CancellationToken), context, request.ContactId);
        await audit.RecordAsync(context, entry.ContactId, AuditOutcome.Allowed);
        return QueueItems.ToQueueItem(entry, scheme);
    }

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<QueueItem> ReleaseContact(ReleaseContactRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
        var entry = await answers.OfAsync(await screening.ReleaseAsync(request.ContactId, Callers.ActorOf(context), context.CancellationToken), context, request.ContactId);
        await audit.RecordAsync(context, entry.ContactId, AuditOutcome.Allowed);
        return QueueItems.ToQueueItem(entry, scheme);
    }

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<ScreeningContact> GetContactForScreening(GetContactForScreeningRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
        var entry = await queue.FindAsync(request.ContactId, context.CancellationToken)
            ?? throw RpcErrors.NotFound($"No contact {request.ContactId} in the triage queue.");
        Mash.Contracts.Intake.V1.ContactRecord record;
        try
        {
            record = await content.ReadAsync(request.ContactId, context.RequestHeaders.GetValue(IntakeContent.AuthorizationHeader), context.Deadline, context.CancellationToken);
        }
        catch (RpcException refused) when (refused.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            await audit.RecordAsync(context, request.ContactId, AuditOutcome.Denied);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Intake refused this caller the contact's content: {refused.Status.Detail}"));
        }
        await audit.RecordAsync(context, request.ContactId, AuditOutcome.Allowed);
        return new ScreeningContact { Item = QueueItems.ToQueueItem(entry, scheme), IntakeRecord = record };
    }

    [Authorize(Policy = MashPolicies.Staff)]
    public override Task<RagScale> GetRagScale(GetRagScaleRequest request, ServerCallContext context) => Task.FromResult(new RagScale
    {
        Levels = { RagScheme.Levels.Select(rag => new RagLevel { Rag = rag, Label = scheme.LabelOf(rag), Target = Duration.FromTimeSpan(scheme.TargetOf(rag)) }) },
        UnratedTarget = Duration.FromTimeSpan(scheme.Timing.Unrated),
        DueSoonWindow = Duration.FromTimeSpan(scheme.Timing.DueSoon),
    });

    [Authorize(Policy = TriagePolicies.Screening)]
    public override async Task<QueueItem> RateContact(RateContactRequest request, ServerCallContext context)
    {
        var entry = await RateAsync(request, context);
        await audit.RecordAsync(context, entry.ContactId, AuditOutcome.Allowed);   // the reply is the queue item
        return QueueItems.ToQueueItem(entry, scheme);
    }

    private async Task<QueueEntry> RateAsync(RateContactRequest request, ServerCallContext context) =>
        await TakeAloneAsync(await RatingOfAsync(request, context), context);

    private async Task<ScreeningChange> RatingOfAsync(RateContactRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.RateContact(request));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.ContactId);
        return new ScreeningChange.Rate(request.ContactId, request.Rag, request.Reason, actor, moment);
    }

    private async Task<QueueEntry> TakeAloneAsync(ScreeningChange change, ServerCallContext context) =>
        await answers.OfAsync((await screening.TakeAsync([change], context.CancellationToken))[0], context, change.ContactId);

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<RatingHistory> GetRatingHistory(GetRatingHistoryRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
        await ThrowIfUnknownAsync(request.ContactId, context);
        var history = await ratings.OfAsync(request.ContactId, context.CancellationToken);
        await audit.RecordAsync(context, request.ContactId, AuditOutcome.Allowed);
        return new RatingHistory { ContactId = request.ContactId, Ratings = { history.Select(r => QueueItems.ToRatingRecord(r, scheme)) } };
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<RatingChangeCounts> CountRatingChanges(CountRatingChangesRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.Window(request.Window));
        var counts = await ratings.CountChangesAsync(Windows.Of(request.Window), context.CancellationToken);
        return new RatingChangeCounts
        {
            Counts =
            {
                counts.Select(c => new RatingChangeCount
                {
                    PeriodStart = Timestamp.FromDateTimeOffset(c.PeriodStart), AgencyId = c.Key.AgencyId,
                    FromRag = c.Key.From, ToRag = c.Key.To, FromLabel = scheme.LabelOf(c.Key.From), ToLabel = scheme.LabelOf(c.Key.To), Count = c.Count,
                }),
            },
        };
    }

    [Authorize(Policy = TriagePolicies.Screening)]
    public override async Task<QueueItem> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        var entry = await DecideAsync(request, context);
        await audit.RecordAsync(context, entry.ContactId, AuditOutcome.Allowed);   // the reply is the queue item
        return QueueItems.ToQueueItem(entry, scheme);
    }

    private async Task<QueueEntry> DecideAsync(RecordDecisionRequest request, ServerCallContext context) =>
        await TakeAloneAsync(await DecisionOfAsync(request, context), context);

    private async Task<ScreeningChange> DecisionOfAsync(RecordDecisionRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.RecordDecision(request));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.ContactId);
        return new ScreeningChange.Decide(request.ContactId, request.ThresholdMet, request.Rationale, actor, moment);
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ConversionCounts> CountConversions(CountConversionsRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.Window(request.Window));
        var counts = await conversions.CountAsync(Windows.Of(request.Window), context.CancellationToken);
        return new ConversionCounts
        {
            Counts =
            {
                counts.Select(c => new ConversionCount
                {
                    PeriodStart = Timestamp.FromDateTimeOffset(c.PeriodStart), AgencyId = c.Key.AgencyId,
                    Decided = c.Count, Referrals = c.Key.Referrals, ConversionRate = Conversion.Rate(c.Key.Referrals, c.Count),
                }),
            },
        };
    }

    [Authorize(Policy = TriagePolicies.Screening)]
    public override async Task<InformationRequest> RequestInformation(RequestInformationRequest request, ServerCallContext context)
    {
        var ask = await AskOfAsync(request, context);
        return Records.ToMessage(await answers.OfAsync((await information.RequestAsync([ask], context.CancellationToken))[0], context, ask.ContactId));
    }

    private async Task<InformationSharing.InformationAsk> AskOfAsync(RequestInformationRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.RequestInformation(request, agencies));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.ContactId);
        return new InformationSharing.InformationAsk(request.ContactId, request.AgencyId, request.Question, request.DueAt?.ToDateTimeOffset(), actor, moment);
    }

    [Authorize(Policy = MashPolicies.AgenciesAndPractitioners)]
    public override async Task<ListInformationRequestsResponse> ListInformationRequests(ListInformationRequestsRequest request, ServerCallContext context)
    {
        var actor = Callers.ActorOf(context);
        IReadOnlyList<InformationSharing.InformationRequest> found;
        if (actor.AgencyId is { } agency)
        {
            // An agency sees only what was asked of it.
            found = await informationStore.OfAgencyAsync(agency, request.OpenOnly, context.CancellationToken);
        }
        else
        {
            Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
            await ThrowIfUnknownAsync(request.ContactId, context);
            found = await informationStore.OfContactAsync(request.ContactId, context.CancellationToken);
        }
        await audit.RecordAsync(context, [.. found.Select(r => r.RequestId.ToString())], AuditOutcome.Allowed);
        return new ListInformationRequestsResponse { Requests = { found.Select(Records.ToMessage) } };
    }

    [Authorize(Policy = TriagePolicies.Answering)]
    public override async Task<InformationRequest> AnswerInformationRequest(AnswerInformationRequestRequest request, ServerCallContext context)
    {
        var reply = await ReplyOfAsync(request, context);
        return Records.ToMessage(await answers.OfAsync((await information.AnswerAsync([reply], context.CancellationToken))[0], context, request.RequestId));
    }

    private async Task<InformationSharing.InformationReply> ReplyOfAsync(AnswerInformationRequestRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.AnswerInformationRequest(request));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.RequestId);
        return new InformationSharing.InformationReply(Guid.Parse(request.RequestId), request.Answer, actor, moment);
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<ResponseTimeCounts> CountResponseTimes(CountResponseTimesRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.Window(request.Window));
        var counts = await informationStore.CountResponseTimesAsync(Windows.Of(request.Window), context.CancellationToken);
        return new ResponseTimeCounts
        {
            Counts = { counts.Select(c => new ResponseTimeCount { PeriodStart = Timestamp.FromDateTimeOffset(c.PeriodStart), AgencyId = c.Key.AgencyId, Band = c.Key.Band, Count = c.Count }) },
        };
    }

    [Authorize(Policy = TriagePolicies.Escalating)]
    public override async Task<Escalation> RaiseEscalation(RaiseEscalationRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.RaiseEscalation(request));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.ContactId);
        var raised = await answers.OfAsync(await escalationLog.RaiseAsync(
            request.ContactId, request.Kind, request.RaisedByAgency, request.About, request.Detail, actor, moment, context.CancellationToken), context, request.ContactId);
        return Records.ToMessage(raised);
    }

    [Authorize(Policy = TriagePolicies.Resolving)]
    public override async Task<Escalation> ResolveEscalation(ResolveEscalationRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ResolveEscalation(request));
        var actor = Callers.ActorOf(context);
        var moment = await moments.OfAsync(request.OccurredAt, actor, context, request.EscalationId);
        var resolved = await answers.OfAsync(await escalationLog.ResolveAsync(
            Guid.Parse(request.EscalationId), request.Resolution, request.Note, actor, moment, context.CancellationToken), context, request.EscalationId);
        return Records.ToMessage(resolved);
    }

    [Authorize(Policy = MashPolicies.Practitioners)]
    public override async Task<ListEscalationsResponse> ListEscalations(ListEscalationsRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.ContactOnly(request.ContactId));
        await ThrowIfUnknownAsync(request.ContactId, context);
        var found = await escalationStore.OfContactAsync(request.ContactId, context.CancellationToken);
        await audit.RecordAsync(context, [.. found.Select(e => e.EscalationId.ToString())], AuditOutcome.Allowed);
        return new ListEscalationsResponse { Escalations = { found.Select(Records.ToMessage) } };
    }

    [Authorize(Policy = MashPolicies.Scorecard)]
    public override async Task<EscalationCounts> CountEscalations(CountEscalationsRequest request, ServerCallContext context)
    {
        Answers.ThrowIfInvalid(TriageRequestRules.Window(request.Window));
        var counts = await escalationStore.CountAsync(Windows.Of(request.Window), context.CancellationToken);
        return new EscalationCounts
        {
            Counts =
            {
                counts.Select(c => new EscalationCount
                {
                    PeriodStart = Timestamp.FromDateTimeOffset(c.PeriodStart), AgencyId = c.Key.AgencyId, Kind = c.Key.Kind, Resolution = c.Key.Resolution, Count = c.Count,
                }),
            },
        };
    }

    /// <summary>NOT_FOUND for a contact Triage has never heard of, rather than an empty answer that looks like "none yet".</summary>
    private async Task ThrowIfUnknownAsync(string contactId, ServerCallContext context)
    {
        _ = await queue.FindAsync(contactId, context.CancellationToken) ?? throw RpcErrors.NotFound($"No contact {contactId} in the triage queue.");
    }
}
