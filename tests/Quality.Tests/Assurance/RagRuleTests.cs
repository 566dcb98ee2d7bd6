using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using static Mash.Quality.Tests.Assurance.TestIndicators;

namespace Mash.Quality.Tests.Assurance;

/// <summary>Calderdale's EISA thresholds (004 §4.1.3): "60+ = Green; 45-60 = Amber; &lt;45 = Red".</summary>
public sealed class RagRuleTests
{
    [Fact]
    public void Sixty_is_Green() => Assert.Equal(RagRating.Green, RagRule.ByThresholds(60, Calderdale, Polarity.High));

    [Fact]
    public void Fifty_five_point_one_is_Amber() => Assert.Equal(RagRating.Amber, RagRule.ByThresholds(55.1, Calderdale, Polarity.High));

    [Fact]
    public void Forty_five_is_Amber() => Assert.Equal(RagRating.Amber, RagRule.ByThresholds(45, Calderdale, Polarity.High));

    [Fact]
    public void Below_forty_five_is_Red() => Assert.Equal(RagRating.Red, RagRule.ByThresholds(44.9, Calderdale, Polarity.High));

    [Fact]
    public void When_low_is_good_at_or_below_green_is_Green_and_above_red_is_Red()
    {
        var lowIsGood = new RagThresholds(10, 20);
        Assert.Equal(
            (RagRating.Green, RagRating.Amber, RagRating.Red),
            (RagRule.ByThresholds(10, lowIsGood, Polarity.Low), RagRule.ByThresholds(20, lowIsGood, Polarity.Low), RagRule.ByThresholds(20.1, lowIsGood, Polarity.Low)));
    }

    [Theory]
    [InlineData("safe", "green")]
    [InlineData("trigger", "amber")]
    [InlineData("unsafe", "red")]
    [InlineData("not-assessed", "none")]
    public void Without_thresholds_the_continuum_gives_the_colour(string assurance, string expected) =>
        Assert.Equal(AssuranceWords.Rags[expected], RagRule.Rate(1, null, Polarity.High, AssuranceWords.Assurances[assurance]));
}
