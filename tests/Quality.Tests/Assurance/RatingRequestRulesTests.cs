using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Definitions;
using Mash.Quality.Grpc;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;

namespace Mash.Quality.Tests.Assurance;

/// <summary>What a proposal, an agreement and a history request must say; each broken rule names its field.</summary>
public sealed class RatingRequestRulesTests
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Parse(With(Indicator("T1")));

    private static ProposeRatingRequest Proposal() =>
        new() { RequestId = Guid.NewGuid().ToString(), Reference = "T1", Rating = "trigger", Narrative = "Falling since the new rota." };

    [Fact]
    public void A_complete_proposal_breaks_no_rule() => Assert.Empty(RatingRequestRules.Check(Proposal(), Catalogue));

    [Theory]
    [InlineData("", "request_id")]
    [InlineData("not-a-uuid", "request_id")]
    public void A_missing_or_malformed_request_id_is_named(string requestId, string field)
    {
        var request = Proposal();
        request.RequestId = requestId;
        Assert.Equal([field], RatingRequestRules.Check(request, Catalogue).Select(v => v.Field));
    }

    [Fact]
    public void An_indicator_the_partnership_does_not_define_is_named() =>
        Assert.Equal("reference", RatingRequestRules.IsADefinedIndicator("X9", Catalogue)!.Field);

    [Theory]
    [InlineData("not-assessed")]
    [InlineData("Safe")]
    [InlineData("")]
    public void Only_safe_trigger_or_unsafe_is_a_rating(string rating) => Assert.Equal("rating", RatingRequestRules.IsARating(rating)!.Field);

    [Theory]
    [InlineData("safe")]
    [InlineData("trigger")]
    [InlineData("unsafe")]
    public void The_continuums_three_words_are_ratings(string rating) => Assert.Null(RatingRequestRules.IsARating(rating));

    [Fact]
    public void A_proposal_without_a_narrative_is_named()
    {
        var request = Proposal();
        request.Narrative = "  ";
        Assert.Equal(["narrative"], RatingRequestRules.Check(request, Catalogue).Select(v => v.Field));
    }

    [Fact]
    public void Every_broken_rule_of_an_agreement_is_named_at_once()
    {
        var request = new AgreeRatingRequest
        {
            RequestId = "x", Reference = "X9", AsOf = new Timestamp { Nanos = -1 }, Period = (ReportingPeriodKind)9, Rating = "green", Minute = new string('m', 501),
        };
        Assert.Equal(["request_id", "reference", "as_of", "period", "rating", "narrative", "minute"], RatingRequestRules.Check(request, Catalogue).Select(v => v.Field));
    }
}
