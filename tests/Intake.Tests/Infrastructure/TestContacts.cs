using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>Submissions that pass every rule against the shipped vocabulary; tests break one thing at a time.</summary>
internal static class TestContacts
{
    public static readonly Vocabulary Vocabulary = DefaultVocabulary.Load();

    public const string ValidNhsNumber = "9434765919";

    /// <summary>When the rules' tests receive their contacts: the dates in them are judged against it.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    public static SubmitContactRequest Request(string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        Contact = Contact(),
    };

    public static Contact Contact() => new()
    {
        Agency = new ReferringAgency { OrganisationId = "police-west", ReferralSource = "6" },
        Referrer = new Referrer { Name = "PC Example", Role = "Officer", Phone = "01000 000000", Email = "referrer@example.org" },
        Subjects = { Child() },
        ContactType = "concern",
        PresentingIssues = { "domestic-abuse", "neglect" },
        Narrative = "Concern raised at the school gate.",
        Pathway = Pathway.Children,
        Consent = new Consent { State = ConsentState.Given },
    };

    public static Subject Child() => new()
    {
        SubjectKey = "s1",
        Kind = SubjectKind.Child,
        GivenName = "Amelia",
        FamilyName = "Example",
        DateOfBirth = new Date { Year = 2015, Month = 3, Day = 1 },
        Address = new Address { Lines = { "1 High Street" }, Town = "Walsall", Postcode = "WS1 1AA" },
    };
}
