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
    /// <summary>
    /// Requests about different contacts in one transaction, their contacts locked together (an
    /// importer's call): each answered, and written, as it would be alone.
    /// </summary>
    public async Task<IReadOnlyList<ScreeningResult<InformationRequest>>> RequestAsync(IReadOnlyList<InformationAsk> asks, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The contacts stay locked while their requests are added: a decision waits for them, and vice versa.
        var entries = await queue.FindForUpdateAsync(transaction, DifferentRecords.Of(asks.Select(a => a.ContactId), nameof(asks)), cancellationToken);
        // An importer run again asks nothing twice: its request, at the time it gives, is found again.
        var askedBefore = await requests.FindAskedAtAsync(transaction, [.. asks.Where(a => a.Moment.Given)], cancellationToken);
        var recordedAt = time.GetUtcNow();
        var made = new List<InformationRequest>();
        var results = asks.Select(ask => Request(ask, entries.GetValueOrDefault(ask.ContactId), askedBefore, recordedAt, made)).ToList();
        if (made.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { InformationRequestStore.AddCommand(made, recordedAt), EventOutbox.AddRangeCommand([.. made.Select(r => Requested(r, recordedAt))]) },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Added(made.Count);
        }
        return results;
    }

    private ScreeningResult<InformationRequest> Request(
        InformationAsk ask, QueueEntry? entry, IReadOnlyDictionary<InformationAsk, InformationRequest> askedBefore, DateTimeOffset recordedAt, List<InformationRequest> made)
    {
        if (entry is null)
        {
            return new ScreeningResult<InformationRequest>.Unknown($"No contact {ask.ContactId} in the triage queue.");
        }
        if (askedBefore.GetValueOrDefault(ask) is { } asked)
        {
            return new ScreeningResult<InformationRequest>.Done(asked);
        }
        if (InformationRules.AskedWhileScreening(entry) is { } decided)
        {
            return new ScreeningResult<InformationRequest>.WrongState(decided);
        }
        if (TimeRules.NotBefore(ask.Moment, entry.ReceivedAt, "the contact was received") is { } early)
        {
            return new ScreeningResult<InformationRequest>.BadField("occurred_at", early);
        }
        var due = ask.DueAt ?? ask.Moment.At + options.Value.DefaultResponseTime;
        if (InformationRules.DueAfterAsking(due, ask.Moment.At) is { } notAfter)
        {
            return new ScreeningResult<InformationRequest>.BadField("due_at", notAfter);
        }
        var request = new InformationRequest(NewGuids.OrderedBy(recordedAt), ask.ContactId, ask.AgencyId, ask.Question, ask.Actor.Id, ask.Moment.At, due);
        made.Add(request);
        return new ScreeningResult<InformationRequest>.Done(request);
    }

    /// <summary>Answers to different requests in one transaction, the requests locked together: each answered, and written, as it would be alone.</summary>
    public async Task<IReadOnlyList<ScreeningResult<InformationRequest>>> AnswerAsync(IReadOnlyList<InformationReply> replies, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await requests.FindForUpdateAsync(transaction, DifferentRecords.Of(replies.Select(r => r.RequestId), nameof(replies)), cancellationToken);
        var answered = new List<InformationRequest>();
        var results = replies.Select(reply => Answer(reply, found.GetValueOrDefault(reply.RequestId), answered)).ToList();
        if (answered.Count > 0)
        {
            var recordedAt = time.GetUtcNow();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { InformationRequestStore.AnswerCommand(answered, recordedAt), EventOutbox.AddRangeCommand([.. answered.Select(r => Provided(r, recordedAt))]) },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Added(answered.Count);
        }
        return results;
    }

    private ScreeningResult<InformationRequest> Answer(InformationReply reply, InformationRequest? request, List<InformationRequest> answered)
    {
        if (request is null)
        {
            return new ScreeningResult<InformationRequest>.Unknown($"No information request {reply.RequestId}.");
        }
        if (InformationRules.AnsweredByTheAgencyAsked(request, reply.Actor) is { } notTheirs)
        {
            return new ScreeningResult<InformationRequest>.NotAllowed(notTheirs);
        }
        switch (InformationRules.CheckAnswer(request, reply.Answer))
        {
            case AnswerStep.SameAnswer:
                return new ScreeningResult<InformationRequest>.Done(request);
            case AnswerStep.AlreadyAnswered:
                return new ScreeningResult<InformationRequest>.WrongState($"Request {reply.RequestId} was answered at {request.Answer!.AnsweredAt:O}; an answer is given once.");
        }
        if (InformationRules.AnsweredAfterAsking(reply.Moment, request) is { } early)
        {
            return new ScreeningResult<InformationRequest>.BadField("occurred_at", early);
        }
        // Never negative: a live answer comes at the server's now, after any request (none is in the future).
        var band = ResponseBands.BandOf(reply.Moment.At - request.RequestedAt, options.Value.ResponseBands);
        var given = request with { Answer = new InformationAnswer(reply.Answer, reply.Actor.Id, reply.Moment.At, band) };
        answered.Add(given);
        return new ScreeningResult<InformationRequest>.Done(given);
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
