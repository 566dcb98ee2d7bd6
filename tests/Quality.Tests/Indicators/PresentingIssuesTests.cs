using Mash.Quality.Facts;
using Mash.Quality.Indicators;

namespace Mash.Quality.Tests.Indicators;

public sealed class PresentingIssuesTests
{
    [Fact]
    public void A_contact_with_several_issues_counts_under_each() =>
        Assert.Equal(
            new Dictionary<string, long> { ["neglect"] = 2, ["domestic-abuse"] = 1 },
            PresentingIssues.Compute([new PresentingIssueFact("c1", "neglect"), new PresentingIssueFact("c1", "domestic-abuse"), new PresentingIssueFact("c2", "neglect")]));

    [Fact]
    public void D3_is_judged_on_the_issues_recorded_each_counted() =>
        Assert.Equal(3, PresentingIssues.Recorded([new PresentingIssueFact("c1", "neglect"), new PresentingIssueFact("c1", "domestic-abuse"), new PresentingIssueFact("c2", "neglect")]));
}
