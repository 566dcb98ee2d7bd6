using Mash.Contracts.Common.V1;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.ActivityTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class RatingChangesTests
{
    [Fact]
    public void Re_ratings_are_counted_by_their_change() =>
        Assert.Equal(
            new Dictionary<string, long> { ["RAG_RED→RAG_AMBER"] = 2, ["RAG_GREEN→RAG_RED"] = 1 },
            RatingChanges.Compute([Change(Rag.Red, Rag.Amber), Change(Rag.Red, Rag.Amber), Change(Rag.Green, Rag.Red)]));
}
