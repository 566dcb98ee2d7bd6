using Mash.Outcomes.Agencies;

namespace Mash.Outcomes.Tests.Agencies;

public sealed class AgencyIdsTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("police west")]
    public void An_agency_is_an_organisation_id_not_free_text(string agencyId) => Assert.NotNull(AgencyIds.Why(agencyId));

    [Fact]
    public void An_organisation_id_has_a_length_limit()
    {
        Assert.Null(AgencyIds.Why(new string('a', AgencyIds.MaxLength)));
        Assert.NotNull(AgencyIds.Why(new string('a', AgencyIds.MaxLength + 1)));
    }

    [Fact]
    public void The_violation_names_the_requests_field() => Assert.Equal("onward", AgencyIds.Violation("onward", "")?.Field);
}
