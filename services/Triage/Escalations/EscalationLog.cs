using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Actors;
using Mash.Triage.Queue;
using Mash.Triage.Timing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Triage.Escalations;

/// <summary>R4: escalations raised and resolved; each change and its event commit in one transaction.</summary>
internal sealed class EscalationLog(NpgsqlDataSource database, QueueStore queue, EscalationStore escalations, EventOutbox outbox, IOptions<EscalationOptions> options, TimeProvider time)
{
    public async Task<ScreeningResult<Escalation>> RaiseAsync(
        string contactId, EscalationKind kind, string raisedByAgency, string about, string detail, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        if (EscalationRules.AnAgencyRaisesAsItself(actor, raisedByAgency) is { } notItself)
        {
            return new ScreeningResult<Escalation>.NotAllowed(notItself);
        }
        if (!options.Value.Subjects.Contains(about))
        {
            return new ScreeningResult<Escalation>.BadField("about", $"must be one of the partnership's escalation subjects: {string.Join(", ", options.Value.Subjects)}");
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await queue.FindForUpdateAsync(transaction, contactId, cancellationToken);
        if (entry is null)
        {
            return new ScreeningResult<Escalation>.Unknown($"No contact {contactId} in the triage queue.");
        }
        if (EscalationRules.ChallengedByTheReferrer(entry, kind, raisedByAgency) is { } notReferrer)
        {
            return new ScreeningResult<Escalation>.BadField("raised_by_agency", notReferrer);
        }
        if (EscalationRules.ChallengeFollowsADecision(entry, kind) is { } undecided)
        {
            return new ScreeningResult<Escalation>.WrongState(undecided);
        }
        if (EscalationRules.RaisedInTime(moment, entry, kind) is { } early)
        {
            return new ScreeningResult<Escalation>.BadField("occurred_at", early);
        }
        var recordedAt = time.GetUtcNow();
        var escalation = new Escalation(NewGuids.OrderedBy(recordedAt), contactId, kind, raisedByAgency, actor.Id, about, detail, moment.At);
        await escalations.AddAsync(transaction, escalation, recordedAt, cancellationToken);
        await outbox.AddAsync(transaction, Raised(escalation, recordedAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<Escalation>.Done(escalation);
    }

    public async Task<ScreeningResult<Escalation>> ResolveAsync(Guid escalationId, string resolution, string note, Actor actor, Moment moment, CancellationToken cancellationToken)
    {
        if (!options.Value.Resolutions.Contains(resolution))
        {
            return new ScreeningResult<Escalation>.BadField("resolution", $"must be one of the partnership's resolutions: {string.Join(", ", options.Value.Resolutions)}");
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var escalation = await escalations.FindForUpdateAsync(transaction, escalationId, cancellationToken);
        if (escalation is null)
        {
            return new ScreeningResult<Escalation>.Unknown($"No escalation {escalationId}.");
        }
        switch (EscalationRules.CheckResolve(escalation, resolution))
        {
            case ResolveStep.SameResolution:
                return new ScreeningResult<Escalation>.Done(escalation);
            case ResolveStep.AlreadyResolved:
                return new ScreeningResult<Escalation>.WrongState($"Escalation {escalationId} was resolved ({escalation.Resolution!.Resolution}); it is resolved once.");
        }
        if (EscalationRules.ResolvedAfterRaised(moment, escalation) is { } early)
        {
            return new ScreeningResult<Escalation>.BadField("occurred_at", early);
        }
        var recordedAt = time.GetUtcNow();
        var resolved = escalation with { Resolution = new EscalationResolution(resolution, actor.Id, note, moment.At) };
        await escalations.ResolveAsync(transaction, escalationId, resolved.Resolution, recordedAt, cancellationToken);
        await outbox.AddAsync(transaction, Resolved(resolved, recordedAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScreeningResult<Escalation>.Done(resolved);
    }

    private static EscalationRaised Raised(Escalation escalation, DateTimeOffset recordedAt) => new()
    {
        EventId = EventIds.New(recordedAt),
        EscalationId = escalation.EscalationId.ToString(),
        ContactId = escalation.ContactId,
        Kind = KindName(escalation.Kind),
        RaisedByAgency = escalation.RaisedByAgency,
        About = escalation.About,
        OccurredAt = Timestamp.FromDateTimeOffset(escalation.RaisedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
    };

    private static EscalationResolved Resolved(Escalation escalation, DateTimeOffset recordedAt) => new()
    {
        EventId = EventIds.New(recordedAt),
        EscalationId = escalation.EscalationId.ToString(),
        ContactId = escalation.ContactId,
        Kind = KindName(escalation.Kind),
        RaisedByAgency = escalation.RaisedByAgency,
        Resolution = escalation.Resolution!.Resolution,
        RaisedAt = Timestamp.FromDateTimeOffset(escalation.RaisedAt),
        OccurredAt = Timestamp.FromDateTimeOffset(escalation.Resolution.ResolvedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
    };

    /// <summary>The kind as the proto names it (ESCALATION_KIND_BETWEEN_AGENCIES), for consumers that do not share the enum.</summary>
    public static string KindName(EscalationKind kind) =>
        TriageReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("EscalationKind").FindValueByNumber((int)kind).Name;
}
