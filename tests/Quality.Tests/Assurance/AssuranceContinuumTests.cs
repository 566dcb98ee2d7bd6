using Mash.Quality.Assurance;

namespace Mash.Quality.Tests.Assurance;

/// <summary>Calderdale's continuum (004 §4.1.2), box by box.</summary>
public sealed class AssuranceContinuumTests
{
    // In the file's words, so the cases read as Calderdale's table.
    [Theory]
    [InlineData("met", "positive", "safe")]
    [InlineData("met", "steady", "safe")]
    [InlineData("met", "negative", "trigger")]
    [InlineData("missed", "positive", "trigger")]
    [InlineData("missed", "steady", "unsafe")]
    [InlineData("missed", "negative", "unsafe")]
    public void Target_and_trend_place_the_indicator(string target, string trend, string expected) =>
        Assert.Equal(AssuranceWords.Assurances[expected], AssuranceContinuum.Place(AssuranceWords.TargetResults[target], AssuranceWords.Trends[trend]));

    [Fact]
    public void Without_a_target_it_is_not_assessed() => Assert.Equal(AssuranceLevel.NotAssessed, AssuranceContinuum.Place(TargetResult.NoTarget, Trend.Positive));

    [Fact]
    public void Without_a_trend_it_is_not_assessed() => Assert.Equal(AssuranceLevel.NotAssessed, AssuranceContinuum.Place(TargetResult.Met, Trend.Unknown));
}
