using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Queue;

namespace Mash.Triage.Grpc;

internal static class QueueItems
{
    public static QueueItem ToQueueItem(QueueEntry entry) => new()
    {
        ContactId = entry.ContactId,
        AgencyId = entry.AgencyId,
        ContactType = entry.ContactType,
        PresentingIssues = { entry.PresentingIssues },
        Rag = entry.Rag,
        ReceivedAt = Timestamp.FromDateTimeOffset(entry.ReceivedAt),
        Decided = entry.IsDecided,
        ThresholdMet = entry.Decision?.ThresholdMet ?? false,
    };
}
