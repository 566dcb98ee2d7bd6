using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;

namespace Mash.Triage.Queue;

/// <summary>
/// The integration events Triage publishes. A practitioner's action happens as it is recorded,
/// so occurred_at and recorded_at are the same instant here (an import would carry its own).
/// </summary>
internal static class TriageEvents
{
    public static ContactRated ContactRated(Rating rating) => new()
    {
        EventId = EventId(rating.RatedAt),
        ContactId = rating.ContactId,
        Rag = rating.Rag,
        PreviousRag = rating.PreviousRag,
        PractitionerId = rating.PractitionerId,
        Reason = rating.Reason,
        OccurredAt = Timestamp.FromDateTimeOffset(rating.RatedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(rating.RatedAt),
    };

    public static DecisionRecorded DecisionRecorded(string contactId, ThresholdDecision decision) => new()
    {
        EventId = EventId(decision.DecidedAt),
        ContactId = contactId,
        ThresholdMet = decision.ThresholdMet,
        PractitionerId = decision.PractitionerId,
        Rationale = decision.Rationale,
        OccurredAt = Timestamp.FromDateTimeOffset(decision.DecidedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(decision.DecidedAt),
    };

    // Version 7: unique, and sorts by time, which helps whoever reads an inbox or a log.
    private static string EventId(DateTimeOffset at) => Guid.CreateVersion7(at).ToString();
}
