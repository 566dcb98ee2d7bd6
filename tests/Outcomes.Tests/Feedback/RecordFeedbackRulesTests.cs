using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Feedback;

namespace Mash.Outcomes.Tests.Feedback;

public sealed class RecordFeedbackRulesTests
{
    [Fact]
    public void A_complete_request_breaks_no_rule() =>
        Assert.Empty(RecordFeedbackRules.Check(new RecordFeedbackRequest { ContactId = Guid.NewGuid().ToString(), AgencyId = "police-west" }));

    [Theory]
    [InlineData("")]
    [InlineData("police west")]
    public void The_agency_is_an_organisation_id(string agencyId) =>
        Assert.Equal("agency_id", RecordFeedbackRules.AgencyIsNamed(new RecordFeedbackRequest { AgencyId = agencyId })?.Field);

    [Fact]
    public void Every_broken_rule_is_reported_at_once() =>
        Assert.Equal(["contact_id", "agency_id"], RecordFeedbackRules.Check(new RecordFeedbackRequest()).Select(v => v.Field));
}
