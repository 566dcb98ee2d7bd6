using System.Text;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Subjects;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Subjects;

public sealed class SubjectPseudonymsTests
{
    private static readonly SubjectPseudonyms Pseudonyms = new(Encoding.UTF8.GetBytes("a-test-key-of-at-least-thirty-two-chars"));

    [Fact]
    public void The_same_subject_gets_the_same_ref_on_every_contact() =>
        Assert.Equal(Pseudonyms.RefFor(TestContacts.Child(), Guid.NewGuid(), 0), Pseudonyms.RefFor(TestContacts.Child(), Guid.NewGuid(), 3));

    [Fact]
    public void The_same_subject_written_differently_gets_the_same_ref()
    {
        var rewritten = TestContacts.Child();
        rewritten.GivenName = "AMELIA";
        rewritten.Address.Postcode = "ws11aa";

        Assert.Equal(Pseudonyms.RefFor(TestContacts.Child(), Guid.NewGuid(), 0), Pseudonyms.RefFor(rewritten, Guid.NewGuid(), 0));
    }

    [Fact]
    public void Different_subjects_get_different_refs()
    {
        var sibling = TestContacts.Child();
        sibling.GivenName = "Oliver";

        Assert.NotEqual(Pseudonyms.RefFor(TestContacts.Child(), Guid.NewGuid(), 0), Pseudonyms.RefFor(sibling, Guid.NewGuid(), 0));
    }

    [Fact]
    public void A_different_key_gives_a_different_ref()
    {
        var otherDeployment = new SubjectPseudonyms(Encoding.UTF8.GetBytes("another-key-of-at-least-thirty-two-chars"));

        Assert.NotEqual(Pseudonyms.RefFor(TestContacts.Child(), Guid.Empty, 0), otherDeployment.RefFor(TestContacts.Child(), Guid.Empty, 0));
    }

    [Fact]
    public void A_ref_is_a_keyed_hash_that_shows_nothing_of_the_subject()
    {
        var subject = TestContacts.Child();
        subject.NhsNumber = TestContacts.ValidNhsNumber;
        var reference = Pseudonyms.RefFor(subject, Guid.Empty, 0);

        Assert.Matches("^[0-9a-f]{64}$", reference);
        Assert.DoesNotContain(TestContacts.ValidNhsNumber, reference, StringComparison.Ordinal);
        Assert.DoesNotContain("amelia", reference, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Subjects_nothing_identifies_are_never_taken_for_one_another()
    {
        var unnamed = new Subject { Kind = SubjectKind.Child };
        var contactId = Guid.NewGuid();

        Assert.NotEqual(Pseudonyms.RefFor(unnamed, contactId, 0), Pseudonyms.RefFor(unnamed, contactId, 1));
        Assert.NotEqual(Pseudonyms.RefFor(unnamed, contactId, 0), Pseudonyms.RefFor(unnamed, Guid.NewGuid(), 0));
    }

    [Fact]
    public void A_contact_gets_one_ref_per_subject_in_order()
    {
        var contact = TestContacts.Contact();
        var sibling = TestContacts.Child();
        sibling.GivenName = "Oliver";
        contact.Subjects.Add(sibling);
        var contactId = Guid.NewGuid();

        Assert.Equal([Pseudonyms.RefFor(contact.Subjects[0], contactId, 0), Pseudonyms.RefFor(sibling, contactId, 1)], Pseudonyms.RefsFor(contact, contactId));
    }
}
