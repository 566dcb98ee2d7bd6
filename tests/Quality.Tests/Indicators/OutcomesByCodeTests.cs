using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class OutcomesByCodeTests
{
    [Fact]
    public void Outcomes_are_counted_by_code() =>
        Assert.Equal(
            new Dictionary<string, long> { ["early-help"] = 2, ["nfa"] = 1 },
            OutcomesByCode.Compute([Outcome("r1", "early-help"), Outcome("r2", "early-help"), Outcome("r3", "nfa")]));

    [Fact]
    public void No_outcomes_count_nothing() => Assert.Empty(OutcomesByCode.Compute([]));
}
