using Mash.Contracts.Events.V1;

namespace Mash.Outcomes.Feed;

/// <summary>What a resuming stream does with a live outcome, given the last sequence it sent.</summary>
internal static class FeedPositions
{
    public enum Step { Send, Skip, CatchUp }

    /// <summary>
    /// The next in order is sent; one already sent (replayed from the feed) is skipped; one beyond a
    /// gap (the bus delivers replicas' outcomes in any order) sends the stream back to the feed to
    /// catch up. An outcome without a sequence (from a replica older than the feed) is sent as it is.
    /// </summary>
    public static Step Of(OutcomeRecorded outcome, long through) =>
        outcome.FeedSequence == 0 || outcome.FeedSequence == through + 1 ? Step.Send
        : outcome.FeedSequence <= through ? Step.Skip
        : Step.CatchUp;
}
