using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.DepthTestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class AgenciesToldTests
{
    private static readonly Mash.Quality.Facts.FeedbackOwedFact[] Owed3 =
        [Owed(toReferrer: true, TimeSpan.FromHours(2)), Owed(toReferrer: false, TimeSpan.FromHours(3)), Owed(toReferrer: false, null), Owed(toReferrer: false, TimeSpan.FromHours(1))];

    [Fact]
    public void Agencies_told_are_split_into_the_referrer_and_those_that_contributed() =>
        Assert.Equal(new Dictionary<string, long> { [AgenciesTold.Referrer] = 1, [AgenciesTold.Contributor] = 2 }, AgenciesTold.ByRecipient(Owed3));

    [Fact]
    public void Agencies_owed_count_those_not_told_too() =>
        Assert.Equal(new Dictionary<string, long> { [AgenciesTold.Referrer] = 1, [AgenciesTold.Contributor] = 3 }, AgenciesTold.Owed(Owed3));
}
