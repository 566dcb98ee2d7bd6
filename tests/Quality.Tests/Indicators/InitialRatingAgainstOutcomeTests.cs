using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>R3: Green then Red, Amber then Amber, Red then Green, and one never rated.</summary>
public sealed class InitialRatingAgainstOutcomeTests
{
    private static readonly OutcomeFact[] Outcomes =
    [
        Rerated("r1", Rag.Green, Rag.Red, "strategy-discussion"), Rerated("r2", Rag.Amber, Rag.Amber, "early-help"),
        Rerated("r3", Rag.Red, Rag.Green, "advice"), Rerated("r4", Rag.Unspecified, Rag.Unspecified, "nfa"),
    ];

    [Fact]
    public void Outcomes_whose_RAG_changed_between_the_first_rating_and_the_outcome_are_counted() =>
        Assert.Equal(2, InitialRatingAgainstOutcome.Rerated(Outcomes));

    [Fact]
    public void Outcomes_are_split_by_initial_RAG_and_outcome_and_one_never_rated_not_at_all() =>
        Assert.Equal(
            new Dictionary<string, long> { ["RAG_GREEN→strategy-discussion"] = 1, ["RAG_AMBER→early-help"] = 1, ["RAG_RED→advice"] = 1 },
            InitialRatingAgainstOutcome.ByInitialRag(Outcomes));
}
