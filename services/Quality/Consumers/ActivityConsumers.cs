using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D2, O4, O5: each contact's threshold decision (met: a referral).</summary>
internal sealed class DecisionRecordedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<DecisionRecorded, DecisionFact>("DecisionRecordedConsumer", dataSource, changes,
        decision => (decision.EventId, new DecisionFact(decision.ContactId, decision.AgencyId, decision.ThresholdMet, EventFields.OccurredAt(decision.OccurredAt))),
        facts.RecordDecisionsAsync);

/// <summary>R4: escalations raised between agencies and by referrers.</summary>
internal sealed class EscalationRaisedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<EscalationRaised, EscalationFact>("EscalationRaisedConsumer", dataSource, changes,
        raised => (raised.EventId, new EscalationFact(raised.EscalationId, raised.ContactId, raised.Kind, raised.RaisedByAgency, EventFields.OccurredAt(raised.OccurredAt))),
        facts.RecordEscalationsAsync);

/// <summary>R4: escalations resolved, and how.</summary>
internal sealed class EscalationResolvedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<EscalationResolved, EscalationResolutionFact>("EscalationResolvedConsumer", dataSource, changes,
        resolved => (resolved.EventId, new EscalationResolutionFact(resolved.EscalationId, resolved.RaisedByAgency, resolved.Resolution, EventFields.OccurredAt(resolved.OccurredAt))),
        facts.RecordResolutionsAsync);

/// <summary>R5: requests for information sent to partner agencies.</summary>
internal sealed class InformationRequestedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<InformationRequested, InformationRequestFact>("InformationRequestedConsumer", dataSource, changes,
        request => (request.EventId, new InformationRequestFact(request.RequestId, request.ContactId, request.AgencyId, EventFields.OccurredAt(request.OccurredAt))),
        facts.RecordInformationRequestsAsync);

/// <summary>T2: partner agencies' answers, with when they were asked.</summary>
internal sealed class InformationProvidedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<InformationProvided, InformationResponseFact>("InformationProvidedConsumer", dataSource, changes,
        answer => (answer.EventId, new InformationResponseFact(
            answer.RequestId, answer.AgencyId, EventFields.OccurredAt(answer.RequestedAt), answer.ResponseBand, EventFields.OccurredAt(answer.OccurredAt))),
        facts.RecordInformationResponsesAsync);

/// <summary>T4: deadlines breached, as Timeliness raised them.</summary>
internal sealed class DeadlineBreachedConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<DeadlineBreached, DeadlineAlertFact>("DeadlineBreachedConsumer", dataSource, changes,
        breach => (breach.EventId, new DeadlineAlertFact(
            breach.ContactId, EventFields.OccurredAt(breach.DueAt), breach.Rag, breach.AgencyId, EventFields.OccurredAt(breach.OccurredAt))),
        facts.RecordBreachesAsync);

/// <summary>T4: deadlines about to be missed, as Timeliness announced them.</summary>
internal sealed class DeadlineApproachingConsumer(NpgsqlDataSource dataSource, ActivityStore facts, FactChanges changes)
    : FactConsumer<DeadlineApproaching, DeadlineAlertFact>("DeadlineApproachingConsumer", dataSource, changes,
        alert => (alert.EventId, new DeadlineAlertFact(
            alert.ContactId, EventFields.OccurredAt(alert.DueAt), alert.Rag, alert.AgencyId, EventFields.OccurredAt(alert.OccurredAt))),
        facts.RecordApproachesAsync);
