using System.Runtime.CompilerServices;
using Mash.Contracts.Events.V1;

namespace Mash.Outcomes.Feed;

/// <summary>
/// One board's stream: the feed after its resume position, then each outcome as it is heard, in
/// sequence order with nothing skipped or repeated (a gap is filled from the feed).
/// </summary>
internal sealed class OutcomeFeed(OutcomeFeedLog log)
{
    internal const int PageSize = 500;

    /// <param name="after">The last sequence the board saw; null for "from now on".</param>
    /// <param name="live">Subscribed before this is called, so nothing recorded meanwhile is missed.</param>
    public async IAsyncEnumerable<OutcomeRecorded> ReadAsync(long? after, OutcomeSubscription live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var through = after ?? await log.LastAsync(cancellationToken);
        await foreach (var outcome in CatchUpAsync(through, cancellationToken))
        {
            through = outcome.FeedSequence;
            yield return outcome;
        }
        await foreach (var outcome in live.ReadAllAsync(cancellationToken))
        {
            switch (FeedPositions.Of(outcome, through))
            {
                case FeedPositions.Step.Send:
                    through = Math.Max(through, outcome.FeedSequence);
                    yield return outcome;
                    break;
                case FeedPositions.Step.CatchUp:
                    await foreach (var missed in CatchUpAsync(through, cancellationToken))
                    {
                        through = missed.FeedSequence;
                        yield return missed;
                    }
                    break;
            }
        }
    }

    private async IAsyncEnumerable<OutcomeRecorded> CatchUpAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadAsync(after, PageSize, cancellationToken);
            foreach (var outcome in page)
            {
                yield return outcome;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].FeedSequence;
        }
    }
}
