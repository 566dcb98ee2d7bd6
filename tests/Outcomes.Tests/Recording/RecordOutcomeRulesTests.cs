using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Tests.Recording;

public sealed class RecordOutcomeRulesTests
{
    private static readonly Vocabulary Vocabulary = DefaultVocabulary.Load();

    private static RecordOutcomeRequest Valid() => new() { ContactId = Guid.NewGuid().ToString(), Outcome = "early-help", };

    [Fact]
    public void A_complete_request_breaks_no_rule() => Assert.Empty(RecordOutcomeRules.Check(Valid(), Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("contact-1")]
    public void The_contact_id_is_one_intake_gave(string contactId)
    {
        var request = Valid();
        request.ContactId = contactId;
        Assert.Equal("contact_id", RecordOutcomeRules.ContactIdIsWellFormed(request)?.Field);
    }

    [Fact]
    public void The_outcome_is_required()
    {
        var request = Valid();
        request.Outcome = "";
        Assert.Equal("outcome", RecordOutcomeRules.OutcomeIsAConfiguredCode(request, Vocabulary)?.Field);
    }

    [Fact]
    public void The_outcome_must_be_a_configured_code()
    {
        var request = Valid();
        request.Outcome = "sent-to-the-moon";
        var violation = RecordOutcomeRules.OutcomeIsAConfiguredCode(request, Vocabulary);
        Assert.Equal("outcome", violation?.Field);
        Assert.Contains("sent-to-the-moon", violation?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_code_is_checked_against_the_partnerships_vocabulary_not_the_default()
    {
        var partnership = new Vocabulary { Outcomes = { new Term { Code = "mash-consultation" } } };
        var request = Valid();
        request.Outcome = "mash-consultation";
        Assert.Null(RecordOutcomeRules.OutcomeIsAConfiguredCode(request, partnership));
        request.Outcome = "early-help";
        Assert.NotNull(RecordOutcomeRules.OutcomeIsAConfiguredCode(request, partnership));
    }


    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var fields = RecordOutcomeRules.Check(new RecordOutcomeRequest(), Vocabulary).Select(v => v.Field);
        Assert.Equal(["contact_id", "outcome"], fields);
    }

    [Fact]
    public void An_onward_referral_names_the_agencies_it_goes_to()
    {
        var request = Valid();
        request.Outcome = "onward-referral";
        Assert.Equal("onward_agency_ids", RecordOutcomeRules.AnOnwardReferralNamesAnAgency(request, Vocabulary)?.Field);
        request.OnwardAgencyIds.Add("camhs-1");
        Assert.Null(RecordOutcomeRules.AnOnwardReferralNamesAnAgency(request, Vocabulary));
    }

    [Fact]
    public void Other_outcomes_may_also_go_on_to_agencies_but_need_not() =>
        Assert.Null(RecordOutcomeRules.AnOnwardReferralNamesAnAgency(Valid(), Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData("gp surgery")]
    public void Each_onward_agency_is_an_organisation_id(string agencyId)
    {
        var request = Valid();
        request.OnwardAgencyIds.Add(agencyId);
        Assert.Equal("onward_agency_ids", RecordOutcomeRules.OnwardAgencyIdsAreWellFormed(request)?.Field);
    }

    [Fact]
    public void Each_onward_agency_is_named_once()
    {
        var request = Valid();
        request.OnwardAgencyIds.Add(["gp-1", "gp-1"]);
        Assert.Equal("onward_agency_ids", RecordOutcomeRules.OnwardAgencyIdsAreWellFormed(request)?.Field);
    }

    [Fact]
    public void Each_gap_is_a_configured_code_named_once()
    {
        var request = Valid();
        request.Gaps.Add("not-in-education");
        Assert.Null(RecordOutcomeRules.GapsAreConfiguredCodes(request, Vocabulary));
        request.Gaps.Add("not-in-education");
        Assert.Equal("gaps", RecordOutcomeRules.GapsAreConfiguredCodes(request, Vocabulary)?.Field);
        request.Gaps[1] = "no-library-card";
        Assert.Contains("no-library-card", RecordOutcomeRules.GapsAreConfiguredCodes(request, Vocabulary)?.Description, StringComparison.Ordinal);
    }
}
