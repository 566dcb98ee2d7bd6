using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

/// <summary>Valid submissions (Intake.Tests' TestContacts), each about a child of its own so none repeats another.</summary>
internal static class ReliabilityContacts
{
    public static SubmitContactRequest Request(int number)
    {
        var request = TestContacts.Request($"reliability-{Guid.NewGuid():N}");
        request.Contact.Agency.OrganisationId = ReliabilityFixture.Agency;
        // Digits count in a subject's identity: a family name of its own per contact.
        request.Contact.Subjects[0].FamilyName = $"Example{number}x{Guid.NewGuid():N}";
        return request;
    }
}
