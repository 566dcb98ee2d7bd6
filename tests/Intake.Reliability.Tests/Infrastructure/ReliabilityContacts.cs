using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

/// <summary>Valid submissions (as Intake.Tests' TestContacts), each about a child of its own so none repeats another.</summary>
internal static class ReliabilityContacts
{
    public static SubmitContactRequest Request(int number) => new()
    {
        RequestId = $"reliability-{Guid.NewGuid():N}",
        Contact = new Contact
        {
            Agency = new ReferringAgency { OrganisationId = ReliabilityFixture.Agency, ReferralSource = "6" },
            Referrer = new Referrer { Name = "PC Example", Role = "Officer", Phone = "01000 000000", Email = "referrer@example.org" },
            Subjects =
            {
                new Subject
                {
                    SubjectKey = "s1",
                    Kind = SubjectKind.Child,
                    GivenName = "Amelia",
                    // Digits count in a subject's identity: a family name of its own per contact.
                    FamilyName = $"Example{number}x{Guid.NewGuid():N}",
                    DateOfBirth = new Date { Year = 2015, Month = 3, Day = 1 },
                    Address = new Address { Lines = { "1 High Street" }, Town = "Walsall", Postcode = "WS1 1AA" },
                },
            },
            ContactType = "concern",
            PresentingIssues = { "domestic-abuse", "neglect" },
            Narrative = "Concern raised at the school gate.",
            Pathway = Pathway.Children,
            Consent = new Consent { State = ConsentState.Given },
        },
    };
}
