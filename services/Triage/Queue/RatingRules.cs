using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>Whether a contact may be rated with a RAG now.</summary>
internal static class RatingRules
{
    public static RatingStep Check(QueueEntry? entry, Rag rag) => entry switch
    {
        null => RatingStep.UnknownContact,
        { IsDecided: true } => RatingStep.AlreadyDecided,
        _ when entry.Rag == rag => RatingStep.Unchanged,
        _ => RatingStep.Record,
    };
}
