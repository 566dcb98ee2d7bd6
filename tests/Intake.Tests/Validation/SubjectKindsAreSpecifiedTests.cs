using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class SubjectKindsAreSpecifiedTests
{
    [Theory]
    [InlineData(SubjectKind.Child)]
    [InlineData(SubjectKind.Adult)]
    public void A_child_or_an_adult_passes(SubjectKind kind)
    {
        var contact = TestContacts.Contact();
        contact.Subjects[0].Kind = kind;
        Assert.Empty(SubjectKindsAreSpecified.Check(contact, TestContacts.Vocabulary));
    }

    [Theory]
    [InlineData(SubjectKind.Unspecified)]
    [InlineData((SubjectKind)7)]
    public void A_subject_of_no_known_kind_is_at_fault_by_its_position(SubjectKind kind)
    {
        var contact = TestContacts.Contact();
        var second = TestContacts.Child();
        second.SubjectKey = "s2";
        second.Kind = kind;
        contact.Subjects.Add(second);
        ViolationAssert.Fields(SubjectKindsAreSpecified.Check(contact, TestContacts.Vocabulary), "contact.subjects[1].kind");
    }
}
