using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Validation;

/// <summary>Every rule a submitted contact must pass. All run, so one reply names every field at fault.</summary>
public static class ContactValidator
{
    private static readonly ContactRule[] ContactRules =
    [
        AgencyIsIdentified.Check,
        ReferralSourceIsKnown.Check,
        HasSubjects.Check,
        NhsNumbersAreValid.Check,
        ContactTypeIsKnown.Check,
        PresentingIssuesAreKnown.Check,
        PathwayIsSpecified.Check,
        OverriddenConsentHasReason.Check,
    ];

    public static IReadOnlyList<Violation> Validate(SubmitContactRequest request, Vocabulary vocabulary) =>
    [
        .. RequestIdIsUsable.Check(request),
        .. request.Contact is { } contact ? ContactRules.SelectMany(rule => rule(contact, vocabulary)) : ContactIsPresent.Violations,
    ];
}
