using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class DeadlineBreachesTests
{
    [Fact]
    public void Breaches_are_counted_by_the_rag_they_were_due_under() =>
        Assert.Equal(
            new Dictionary<string, long> { ["RAG_RED"] = 1, ["RAG_AMBER"] = 2 },
            DeadlineBreaches.ByRag([Breach("c1", Rag.Red), Breach("c2", Rag.Amber), Breach("c3", Rag.Amber)]));
}
