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
        SubjectKindsAreSpecified.Check,
        NhsNumbersAreValid.Check,
        HouseholdLinksReferToSubjects.Check,
        ContactTypeIsKnown.Check,
        DashRiskOnlyOnDomesticAbuse.Check,
        PresentingIssuesAreKnown.Check,
        PathwayIsSpecified.Check,
        OverriddenConsentHasReason.Check,
    ];

    private static readonly DatedContactRule[] DatedContactRules =
    [
        DatesAreCalendarValid.Check,
        IncidentIsNotInTheFuture.Check,
    ];

    /// <param name="now">The time the contact is received: dates after it are refused.</param>
    public static IReadOnlyList<Violation> Validate(SubmitContactRequest request, Vocabulary vocabulary, DateTimeOffset now) =>
    [
        .. RequestIdIsUsable.Check(request),
        .. request.Contact is { } contact
            ? [.. ContactRules.SelectMany(rule => rule(contact, vocabulary)), .. DatedContactRules.SelectMany(rule => rule(contact, now))]
            : ContactIsPresent.Violations,
    ];
}
