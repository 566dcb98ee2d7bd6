using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Consulting;

namespace Mash.Outcomes.Tests.Consulting;

public sealed class RecordConsultationRulesTests
{
    private static readonly Vocabulary Vocabulary = DefaultVocabulary.Load();

    [Fact]
    public void A_complete_request_breaks_no_rule() =>
        Assert.Empty(RecordConsultationRules.Check(new RecordConsultationRequest { AgencyId = "school-9", Kind = "early-help" }, Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData("tea-and-sympathy")]
    public void The_kind_is_a_configured_code(string kind) =>
        Assert.Equal("kind", RecordConsultationRules.KindIsAConfiguredCode(new RecordConsultationRequest { Kind = kind }, Vocabulary)?.Field);

    [Fact]
    public void Every_broken_rule_is_reported_at_once() =>
        Assert.Equal(["agency_id", "kind"], RecordConsultationRules.Check(new RecordConsultationRequest(), Vocabulary).Select(v => v.Field));
}
