using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>Whether a contact may be rated with a RAG now.</summary>
internal static class RatingRules
{
    public static RatingStep Check(QueueEntry? entry, Rag rag, string practitionerId = "") => entry switch
    {
        null => RatingStep.UnknownContact,
        { IsDecided: true } => RatingStep.AlreadyDecided,
        // Another's claim first: even a rating that would change nothing is theirs to give.
        { Claim: { } claim } when claim.ClaimedBy != practitionerId => RatingStep.ClaimedByAnother,
        _ when entry.Rag == rag => RatingStep.Unchanged,
        _ => RatingStep.Record,
    };

    /// <summary>R2 keeps why every rating changed: a re-rating says why (a first rating may not yet).</summary>
    public static string? ReratingSaysWhy(QueueEntry entry, string reason) =>
        entry.IsRated && string.IsNullOrWhiteSpace(reason) ? "is required to change a rating: every re-rating is kept with why" : null;
}
