using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>O7: two social work consultations and one early help.</summary>
public sealed class ConsultationsTests
{
    private static readonly ConsultationFact[] Given = [Consultation("k1", "social-work"), Consultation("k2", "social-work"), Consultation("k3", "early-help")];

    [Fact]
    public void Every_consultation_given_is_counted() => Assert.Equal(3, Consultations.Count(Given));

    [Fact]
    public void Consultations_are_split_by_kind() =>
        Assert.Equal(new Dictionary<string, long> { ["social-work"] = 2, ["early-help"] = 1 }, Consultations.ByKind(Given));
}
