using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;
using Mash.Triage.Queue;
using Mash.Triage.Timing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Triage.InformationSharing;

/// <summary>
/// R5: the MASH asks partner agencies for information while it screens a contact, and each agency
/// answers with its own credentials. Each change and its event commit in one transaction.
/// </summary>
internal sealed class InformationRequests(
    NpgsqlDataSource database, QueueStore queue, InformationRequestStore requests, EventOutbox outbox, IOptions<InformationSharingOptions> options, TimeProvider time)
{
    public async Task<ScreeningResult<InformationRequest>> RequestAsync(
        string contactId, string agencyId, string question, DateTimeOffset? dueAt, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The contact stays locked while its request is added: a decision waits for it, and vice versa.
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        if (entry is null)
        {
            return new ScreeningResult<InformationRequest>.Unknown($"No contact {contactId} in the triage queue.");
        }
        // An importer run again asks nothing twice: its request, at the time it gives, is found again.
        if (moment.Given && await requests.FindAskedAtAsync(transaction, contactId, agencyId, moment.At, cancellationToken) is { } asked)
        {
            return new ScreeningResult<InformationRequest>.Done(asked);
        }
        if (InformationRules.AskedWhileScreening(entry) is { } decided)
        {
            return new ScreeningResult<InformationRequest>.WrongState(decided);
        }
        if (TimeRules.NotBefore(moment, entry.ReceivedAt, "the contact was received") is { } early)
        {
            return new ScreeningResult<InformationRequest>.BadField("occurred_at", early);
        }
        var due = dueAt ?? moment.At + options.Value.DefaultResponseTime;
        if (InformationRules.DueAfterAsking(due, moment.At) is { } notAfter)
        {
            return new ScreeningResult<InformationRequest>.BadField("due_at", notAfter);
        }
        var recordedAt = time.GetUtcNow();
        var request = new InformationRequest(NewGuids.OrderedBy(recordedAt), contactId, agencyId, question, actor.Id, moment.At, due);
        await requests.AddAsync(transaction, request, recordedAt, cancellationToken);
        await outbox.AddAsync(transaction, Requested(request, recordedAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<InformationRequest>.Done(request);
    }

    public async Task<ScreeningResult<InformationRequest>> AnswerAsync(Guid requestId, string answer, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var request = await requests.FindForUpdateAsync(transaction, requestId, cancellationToken);
        if (request is null)
        {
            return new ScreeningResult<InformationRequest>.Unknown($"No information request {requestId}.");
        }
        if (InformationRules.AnsweredByTheAgencyAsked(request, actor) is { } notTheirs)
        {
            return new ScreeningResult<InformationRequest>.NotAllowed(notTheirs);
        }
        switch (InformationRules.CheckAnswer(request, answer))
        {
            case AnswerStep.SameAnswer:
                return new ScreeningResult<InformationRequest>.Done(request);
            case AnswerStep.AlreadyAnswered:
                return new ScreeningResult<InformationRequest>.WrongState($"Request {requestId} was answered at {request.Answer!.AnsweredAt:O}; an answer is given once.");
        }
        if (InformationRules.AnsweredAfterAsking(moment, request) is { } early)
        {
            return new ScreeningResult<InformationRequest>.BadField("occurred_at", early);
        }
        // Never negative: a live answer comes at the server's now, after any request (none is in the future).
        var band = ResponseBands.BandOf(moment.At - request.RequestedAt, options.Value.ResponseBands);
        var given = new InformationAnswer(answer, actor.Id, moment.At, band);
        var recordedAt = time.GetUtcNow();
        await requests.AnswerAsync(transaction, requestId, given, recordedAt, cancellationToken);
        var answered = request with { Answer = given };
        await outbox.AddAsync(transaction, Provided(answered, recordedAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<InformationRequest>.Done(answered);
    }

    private static InformationRequested Requested(InformationRequest request, DateTimeOffset recordedAt) => new()
    {
        EventId = EventIds.New(recordedAt),
        RequestId = request.RequestId.ToString(),
        ContactId = request.ContactId,
        AgencyId = request.AgencyId,
        RequestedBy = request.RequestedBy,
        DueAt = Timestamp.FromDateTimeOffset(request.DueAt),
        OccurredAt = Timestamp.FromDateTimeOffset(request.RequestedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
    };

    private static InformationProvided Provided(InformationRequest request, DateTimeOffset recordedAt) => new()
    {
        EventId = EventIds.New(recordedAt),
        RequestId = request.RequestId.ToString(),
        ContactId = request.ContactId,
        AgencyId = request.AgencyId,
        RequestedAt = Timestamp.FromDateTimeOffset(request.RequestedAt),
        DueAt = Timestamp.FromDateTimeOffset(request.DueAt),
        ResponseBand = request.Answer!.ResponseBand,
        OccurredAt = Timestamp.FromDateTimeOffset(request.Answer.AnsweredAt),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
    };
}
