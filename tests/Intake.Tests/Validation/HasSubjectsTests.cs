using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class HasSubjectsTests
{
    [Fact]
    public void A_contact_about_someone_passes() =>
        Assert.Empty(HasSubjects.Check(TestContacts.Contact(), TestContacts.Vocabulary));

    [Fact]
    public void A_contact_about_no_one_is_at_fault()
    {
        var contact = TestContacts.Contact();
        contact.Subjects.Clear();
        ViolationAssert.Fields(HasSubjects.Check(contact, TestContacts.Vocabulary), "contact.subjects");
    }
}
