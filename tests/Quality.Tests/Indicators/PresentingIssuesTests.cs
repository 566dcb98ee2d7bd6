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
}
