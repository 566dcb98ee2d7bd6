using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class ReferralSourceIsKnownTests
{
    [Theory]
    [InlineData("1A")]
    [InlineData("3E")]
    [InlineData("6")]
    [InlineData("10")]
    public void A_census_referral_source_passes(string code)
    {
        var contact = TestContacts.Contact();
        contact.Agency.ReferralSource = code;
        Assert.Empty(ReferralSourceIsKnown.Check(contact, TestContacts.Vocabulary));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11")]
    [InlineData("3G")]
    [InlineData("police")]
    public void Anything_else_is_at_fault(string code)
    {
        var contact = TestContacts.Contact();
        contact.Agency.ReferralSource = code;
        ViolationAssert.Fields(ReferralSourceIsKnown.Check(contact, TestContacts.Vocabulary), "contact.agency.referral_source");
    }

    [Fact]
    public void The_fault_lists_the_codes_accepted()
    {
        var contact = TestContacts.Contact();
        contact.Agency.ReferralSource = "11";
        Assert.Contains("1A, 1B", Assert.Single(ReferralSourceIsKnown.Check(contact, TestContacts.Vocabulary)).Description, StringComparison.Ordinal);
    }
}
