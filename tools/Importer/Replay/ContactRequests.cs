using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;

namespace Mash.Importer.Replay;

/// <summary>A legacy contact as Intake takes it from an importer: on behalf of its agency, at its original time.</summary>
internal static class ContactRequests
{
    /// <summary>
    /// Derived from the legacy contact id alone, so every run sends the same one and Intake (idempotent
    /// per agency and request id) returns the first run's contact.
    /// </summary>
    public static string RequestIdFor(string legacyContactId) => $"legacy-import:{legacyContactId}";

    /// <param name="earlierReferrals">The child's earlier contacts decided as referrals, which Intake must have heard decided first.</param>
    public static SubmitContactRequest For(ContactStep step, IEnumerable<string> earlierReferrals)
    {
        var legacy = step.Contact;
        var child = legacy.Child;
        var subject = new Subject
        {
            SubjectKey = "s1",
            Kind = legacy.Pathway == Contracts.Common.V1.Pathway.Adults ? SubjectKind.Adult : SubjectKind.Child,
            NhsNumber = child.NhsNumber,
            GivenName = child.GivenName,
            FamilyName = child.FamilyName,
            Gender = child.Gender,
            Address = child.Postcode.Length > 0 ? new Address { Postcode = child.Postcode } : null,
        };
        if (child.DateOfBirth is { } born)
        {
            subject.DateOfBirth = new Date { Year = born.Year, Month = born.Month, Day = born.Day };
        }
        return new SubmitContactRequest
        {
            RequestId = RequestIdFor(step.ContactId),
            ReceivedAt = Timestamp.FromDateTimeOffset(step.At),
            Contact = new Contact
            {
                Agency = new ReferringAgency { OrganisationId = legacy.AgencyId, ReferralSource = legacy.ReferralSource },
                Subjects = { subject },
                ContactType = legacy.ContactType,
                PresentingIssues = { legacy.PresentingIssues },
                Pathway = legacy.Pathway,
                DashRisk = DashRiskOf(legacy.DashRisk),
                Consent = ConsentOf(legacy.Consent),
            },
            EarlierDecidedIds = { earlierReferrals },
        };
    }

    private static DashRisk DashRiskOf(string value) => value.ToUpperInvariant() switch
    {
        "STANDARD" => DashRisk.Standard,
        "MEDIUM" => DashRisk.Medium,
        "HIGH" => DashRisk.High,
        _ => DashRisk.Unspecified,
    };

    private static Consent? ConsentOf(string value) => value.ToUpperInvariant() switch
    {
        "GIVEN" => new Consent { State = ConsentState.Given },
        "SOUGHT" => new Consent { State = ConsentState.Sought },
        "REFUSED" => new Consent { State = ConsentState.Refused },
        _ => null,
    };
}
