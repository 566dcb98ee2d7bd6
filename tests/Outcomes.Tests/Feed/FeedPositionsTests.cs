using Mash.Contracts.Events.V1;
using Mash.Outcomes.Feed;

namespace Mash.Outcomes.Tests.Feed;

public sealed class FeedPositionsTests
{
    private static OutcomeRecorded At(long sequence) => new() { FeedSequence = sequence };

    [Fact]
    public void The_next_in_order_is_sent() => Assert.Equal(FeedPositions.Step.Send, FeedPositions.Of(At(5), through: 4));

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    public void One_already_sent_is_skipped(long sequence) => Assert.Equal(FeedPositions.Step.Skip, FeedPositions.Of(At(sequence), through: 4));

    [Fact]
    public void One_beyond_a_gap_sends_the_stream_back_to_the_feed() => Assert.Equal(FeedPositions.Step.CatchUp, FeedPositions.Of(At(7), through: 4));

    [Fact]
    public void One_without_a_sequence_is_sent_as_it_is() => Assert.Equal(FeedPositions.Step.Send, FeedPositions.Of(At(0), through: 4));
}
