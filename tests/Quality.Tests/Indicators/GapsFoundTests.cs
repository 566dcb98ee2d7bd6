using Mash.Quality.Facts;
using Mash.Quality.Indicators;

namespace Mash.Quality.Tests.Indicators;

/// <summary>O6: r1 not in education and not registered with a GP; r2 not registered with a GP.</summary>
public sealed class GapsFoundTests
{
    private static readonly GapFact[] Gaps =
        [new("r1", "not-in-education"), new("r1", "not-registered-with-gp"), new("r2", "not-registered-with-gp")];

    [Fact]
    public void Every_gap_found_is_counted() => Assert.Equal(3, GapsFound.Count(Gaps));

    [Fact]
    public void Gaps_are_split_by_gap() =>
        Assert.Equal(new Dictionary<string, long> { ["not-in-education"] = 1, ["not-registered-with-gp"] = 2 }, GapsFound.ByGap(Gaps));
}
