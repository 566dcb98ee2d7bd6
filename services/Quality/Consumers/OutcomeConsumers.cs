using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>O1, O3: a case's outcome corrected; its outcome, threshold and agency become the correction's.</summary>
internal sealed class OutcomeCorrectedConsumer(NpgsqlDataSource dataSource, DepthStore facts, FactChanges changes)
    : FactConsumer<OutcomeCorrected, OutcomeCorrectionFact>("OutcomeCorrectedConsumer", dataSource, changes,
        corrected => (corrected.EventId, new OutcomeCorrectionFact(corrected.CaseRef, corrected.Outcome, corrected.ThresholdMet, corrected.AgencyId,
            corrected.Revision, corrected.ContactReceivedAt?.ToDateTime(), EventFields.OccurredAt(corrected.OccurredAt))),
        facts.RecordCorrectionsAsync);

/// <summary>O4: an agency told a case's outcome, the referrer or one that contributed.</summary>
internal sealed class FeedbackGivenConsumer(NpgsqlDataSource dataSource, DepthStore facts, FactChanges changes)
    : FactConsumer<FeedbackGiven, AgencyFeedbackFact>("FeedbackGivenConsumer", dataSource, changes,
        given => (given.EventId, new AgencyFeedbackFact(given.CaseRef, given.AgencyId, given.ToReferrer,
            EventFields.OccurredAt(given.OutcomeAt), EventFields.OccurredAt(given.OccurredAt))),
        facts.RecordAgencyFeedbackAsync);

/// <summary>O7: professional consultations given.</summary>
internal sealed class ConsultationGivenConsumer(NpgsqlDataSource dataSource, DepthStore facts, FactChanges changes)
    : FactConsumer<ConsultationGiven, ConsultationFact>("ConsultationGivenConsumer", dataSource, changes,
        given => (given.EventId, new ConsultationFact(given.ConsultationId, given.AgencyId, given.Kind, EventFields.OccurredAt(given.OccurredAt))),
        facts.RecordConsultationsAsync);
