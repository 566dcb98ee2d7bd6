using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class NhsNumbersAreValidTests
{
    [Fact]
    public void Subjects_without_an_NHS_number_pass() =>
        Assert.Empty(NhsNumbersAreValid.Check(TestContacts.Contact(), TestContacts.Vocabulary));

    [Fact]
    public void A_valid_NHS_number_passes()
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].NhsNumber = TestContacts.ValidNhsNumber;
        Assert.Empty(NhsNumbersAreValid.Check(contact, TestContacts.Vocabulary));
    }

    [Fact]
    public void Each_invalid_NHS_number_is_at_fault_by_its_subject()
    {
        var contact = TestContacts.Contact();
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects[0].NhsNumber = "9434765918";
        contact.Subjects[1].NhsNumber = TestContacts.ValidNhsNumber;
        contact.Subjects[2].NhsNumber = "943476591";
        ViolationAssert.Fields(NhsNumbersAreValid.Check(contact, TestContacts.Vocabulary),
            "contact.subjects[0].nhs_number", "contact.subjects[2].nhs_number");
    }

    [Fact]
    public void The_fault_does_not_repeat_the_number()
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].NhsNumber = "9434765918";
        Assert.DoesNotContain("9434765918", Assert.Single(NhsNumbersAreValid.Check(contact, TestContacts.Vocabulary)).Description, StringComparison.Ordinal);
    }
}
