using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Risk;

namespace Mash.Triage.Queue;

/// <summary>
/// The integration events of the queue's changes. occurred_at is when the thing happened (a live
/// call: as it was recorded; an import: the legacy system's time), recorded_at when Triage stored it.
/// </summary>
internal static class TriageEvents
{
    public static ContactRated ContactRated(Rating rating, string agencyId, RagScheme scheme) => new()
    {
        EventId = EventIds.New(rating.RecordedAt),
        ContactId = rating.ContactId,
        Rag = rating.Rag,
        PreviousRag = rating.PreviousRag,
        PractitionerId = rating.PractitionerId,
        Reason = rating.Reason,
        OccurredAt = Timestamp.FromDateTimeOffset(rating.RatedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(rating.RecordedAt),
        AgencyId = agencyId,
        RagLabel = scheme.LabelOf(rating.Rag),
        PreviousRagLabel = scheme.LabelOf(rating.PreviousRag),
    };

    public static DecisionRecorded DecisionRecorded(QueueEntry entry, ThresholdDecision decision, RatingStory story, DateTimeOffset recordedAt) => new()
    {
        EventId = EventIds.New(recordedAt),
        ContactId = entry.ContactId,
        ThresholdMet = decision.ThresholdMet,
        PractitionerId = decision.PractitionerId,
        Rationale = decision.Rationale,
        OccurredAt = Timestamp.FromDateTimeOffset(decision.DecidedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
        Rag = decision.Rag,
        InitialRag = story.InitialRag,
        AgencyId = entry.AgencyId,
        RatingChanges = story.Reratings,
    };
}

/// <summary>Event ids: version 7 GUIDs, unique and sorting by time, which helps whoever reads an inbox or a log.</summary>
internal static class EventIds
{
    public static string New(DateTimeOffset at) => NewGuids.OrderedBy(at).ToString();
}
