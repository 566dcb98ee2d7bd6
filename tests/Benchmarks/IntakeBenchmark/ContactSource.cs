using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace IntakeBenchmark;

/// <summary>
/// Valid submissions (Intake.Tests' TestContacts, with a narrative of a realistic length), each
/// with a fresh request id (random, or rising with time when ordered) and, unless it is drawn as a
/// repeat, a subject no earlier contact had, so repeat detection finds nothing and costs what it
/// costs for a first contact. With a repeat share, that share of contacts is about a subject drawn
/// at random from the earlier ones.
/// </summary>
internal sealed class ContactSource(double repeatShare, bool orderedRequestIds = false)
{
    public const string AgencyId = "police-west";

    private static readonly string[] GivenNames = ["Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia", "Arthur", "Ivy", "Theo", "Freya", "Oscar", "Lily", "Harry", "Grace", "Jack"];

    private const string Narrative =
        "Officers attended the home address following a report from a neighbour of shouting and a child crying late in the evening. " +
        "Mother disclosed that her partner had been drinking and had pushed her; the child was present and appeared distressed. " +
        "The child is known to the school and attendance has recently dropped. Mother agreed to this referral.";

    private long subjects;
    private long repeats;

    /// <summary>Contacts drawn as repeats of an earlier subject so far.</summary>
    public long Repeats => Interlocked.Read(ref repeats);

    public SubmitContactRequest Next()
    {
        long subject;
        var issued = Interlocked.Read(ref subjects);
        if (repeatShare > 0 && issued > 0 && Random.Shared.NextDouble() < repeatShare)
        {
            subject = Random.Shared.NextInt64(issued);
            Interlocked.Increment(ref repeats);
        }
        else
        {
            subject = Interlocked.Increment(ref subjects) - 1;
        }
        return new SubmitContactRequest { RequestId = RequestId(), Contact = Contact(subject) };
    }

    private string RequestId() => (orderedRequestIds ? NewGuids.OrderedBy(DateTimeOffset.UtcNow) : NewGuids.Random()).ToString();

    private static Contact Contact(long subject)
    {
        var contact = TestContacts.Contact();
        contact.Agency.OrganisationId = AgencyId;
        contact.Narrative = Narrative;
        contact.Subjects[0] = Child(subject);
        return contact;
    }

    // Intake tells subjects apart by name, date of birth and postcode: the family name spells the
    // subject's number in letters, so every number is a different person.
    private static Subject Child(long subject)
    {
        var child = TestContacts.Child();
        child.GivenName = GivenNames[subject % GivenNames.Length];
        child.FamilyName = "Ex" + Letters(subject);
        child.DateOfBirth = new Date { Year = 2008 + (int)(subject % 16), Month = 1 + (int)(subject % 12), Day = 1 + (int)(subject % 28) };
        child.Address.Lines[0] = $"{1 + (subject % 200)} High Street";
        return child;
    }

    private static string Letters(long number)
    {
        Span<char> letters = stackalloc char[14];
        var i = letters.Length;
        do
        {
            letters[--i] = (char)('a' + (number % 26));
            number /= 26;
        }
        while (number > 0);
        return new string(letters[i..]);
    }
}
