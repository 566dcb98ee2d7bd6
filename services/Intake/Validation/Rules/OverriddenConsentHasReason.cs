using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>Sharing without consent needs its lawful reason on record (measure D8).</summary>
public static class OverriddenConsentHasReason
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        if (contact.Consent is { State: ConsentState.Overridden } consent && string.IsNullOrWhiteSpace(consent.OverrideReason))
        {
            yield return new("contact.consent.override_reason", "required when consent is overridden: the lawful reason for sharing without it");
        }
    }
}
