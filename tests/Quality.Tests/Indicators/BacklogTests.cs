using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>T3 at Monday: open 2 hours (Red), exactly 1 day (Amber), 6 days (Amber), 25 days (Green), and one not rated yet.</summary>
public sealed class BacklogTests
{
    private static readonly OpenContactFact[] Open =
    [
        DepthTestFacts.Open("c1", Rag.Red, TimeSpan.FromHours(2)), DepthTestFacts.Open("c2", Rag.Amber, TimeSpan.FromDays(1)),
        DepthTestFacts.Open("c3", Rag.Amber, TimeSpan.FromDays(6)), DepthTestFacts.Open("c4", Rag.Green, TimeSpan.FromDays(25)),
        DepthTestFacts.Open("c5", Rag.Unspecified, TimeSpan.FromMinutes(5)),
    ];

    [Fact]
    public void Every_open_contact_is_in_the_backlog() => Assert.Equal(5, Backlog.Open(Open));

    [Fact]
    public void The_backlog_is_split_by_the_RAG_at_the_end() =>
        Assert.Equal(new Dictionary<string, long> { ["RAG_RED"] = 1, ["RAG_AMBER"] = 2, ["RAG_GREEN"] = 1, ["RAG_UNSPECIFIED"] = 1 }, Backlog.ByRag(Open));

    [Fact]
    public void A_contact_open_exactly_a_day_is_in_the_second_band() =>
        Assert.Equal(
            new Dictionary<string, long> { ["under 1 day"] = 2, ["1 to 5 days"] = 1, ["5 to 20 days"] = 1, ["20 days or more"] = 1 },
            Backlog.ByAge(Open, Monday));

    [Fact]
    public void Without_an_end_there_is_no_age_to_band() => Assert.Empty(Backlog.ByAge(Open, null));
}
