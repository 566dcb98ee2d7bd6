using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.AppHost.Tests.Faults;

/// <summary>Valid contacts from one development agency, each about a child of its own so that none repeats another.</summary>
internal static class FaultContacts
{
    public const string Agency = "police-west";

    /// <summary>The agency's development token (services/Intake/appsettings.Development.json; the AppHost runs Development).</summary>
    public const string Token = "dev-police-west-7c1e4b2a9f0d46e3b5a8c3d2e1f09a6b";

    public static SubmitContactRequest Request(int number) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Contact = new Contact
        {
            Agency = new ReferringAgency { OrganisationId = Agency, ReferralSource = "6" },
            Referrer = new Referrer { Name = "PC Example", Role = "Officer" },
            Subjects =
            {
                new Subject
                {
                    SubjectKey = "s1",
                    Kind = SubjectKind.Child,
                    GivenName = "Amelia",
                    // The name is the subject's identity when there is no NHS number: one of its own per contact.
                    FamilyName = $"Fault{number}x{Guid.NewGuid():N}",
                },
            },
            ContactType = "concern",
            PresentingIssues = { "neglect" },
            Pathway = Pathway.Children,
            Consent = new Consent { State = ConsentState.Given },
        },
    };
}
