using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class OverriddenConsentHasReasonTests
{
    private static Contact WithConsent(ConsentState state, string reason = "")
    {
        var contact = TestContacts.Contact();
        contact.Consent = new Consent { State = state, OverrideReason = reason };
        return contact;
    }

    [Theory]
    [InlineData(ConsentState.Sought)]
    [InlineData(ConsentState.Given)]
    [InlineData(ConsentState.Refused)]
    public void Consent_not_overridden_needs_no_reason(ConsentState state) =>
        Assert.Empty(OverriddenConsentHasReason.Check(WithConsent(state), TestContacts.Vocabulary));

    [Fact]
    public void No_consent_recorded_needs_no_reason()
    {
        var contact = TestContacts.Contact();
        contact.Consent = null;
        Assert.Empty(OverriddenConsentHasReason.Check(contact, TestContacts.Vocabulary));
    }

    [Fact]
    public void Overridden_consent_with_its_reason_passes() =>
        Assert.Empty(OverriddenConsentHasReason.Check(WithConsent(ConsentState.Overridden, "Child at risk of significant harm"), TestContacts.Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Overridden_consent_without_a_reason_is_at_fault(string reason) =>
        ViolationAssert.Fields(OverriddenConsentHasReason.Check(WithConsent(ConsentState.Overridden, reason), TestContacts.Vocabulary),
            "contact.consent.override_reason");
}
