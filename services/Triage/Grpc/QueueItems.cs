using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Queue;
using Mash.Triage.Risk;

namespace Mash.Triage.Grpc;

internal static class QueueItems
{
    public static QueueItem ToQueueItem(QueueEntry entry, RagScheme scheme)
    {
        var item = new QueueItem
        {
            ContactId = entry.ContactId,
            AgencyId = entry.AgencyId,
            ContactType = entry.ContactType,
            PresentingIssues = { entry.PresentingIssues },
            Rag = entry.Rag,
            RagLabel = scheme.LabelOf(entry.Rag),
            ReceivedAt = Timestamp.FromDateTimeOffset(entry.ReceivedAt),
            Decided = entry.IsDecided,
            ThresholdMet = entry.Decision?.ThresholdMet ?? false,
            Pathway = entry.Pathway,
            DueAt = Timestamp.FromDateTimeOffset(entry.DueAt ?? scheme.DueAt(entry.ReceivedAt, entry.Rag)),
        };
        if (entry.Claim is { } claim)
        {
            item.ClaimedBy = claim.ClaimedBy;
            item.ClaimedAt = Timestamp.FromDateTimeOffset(claim.ClaimedAt);
        }
        return item;
    }

    public static RatingRecord ToRatingRecord(Rating rating, RagScheme scheme) => new()
    {
        Rag = rating.Rag,
        RagLabel = scheme.LabelOf(rating.Rag),
        PreviousRag = rating.PreviousRag,
        PreviousRagLabel = scheme.LabelOf(rating.PreviousRag),
        RatedBy = rating.PractitionerId,
        Reason = rating.Reason,
        RatedAt = Timestamp.FromDateTimeOffset(rating.RatedAt),
        RecordedAt = Timestamp.FromDateTimeOffset(rating.RecordedAt),
    };
}
