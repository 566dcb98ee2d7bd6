using Mash.Contracts.Intake.V1;
using Mash.Intake.Subjects;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Subjects;

public sealed class SubjectIdentityTests
{
    [Fact]
    public void The_NHS_number_identifies_a_subject_whatever_else_is_written()
    {
        var subject = TestContacts.Child();
        subject.NhsNumber = "943 476 5919";
        var renamed = TestContacts.Child();
        renamed.NhsNumber = TestContacts.ValidNhsNumber;
        renamed.GivenName = "Amy";
        renamed.Address = null;

        Assert.Equal("nhs:9434765919", SubjectIdentity.Of(subject));
        Assert.Equal(SubjectIdentity.Of(subject), SubjectIdentity.Of(renamed));
    }

    [Fact]
    public void Without_an_NHS_number_name_date_of_birth_and_postcode_identify_a_subject() =>
        Assert.Equal("person:amelia|example|born:2015-03-01|ws11aa", SubjectIdentity.Of(TestContacts.Child()));

    [Fact]
    public void Case_spacing_and_punctuation_do_not_change_the_identity()
    {
        var subject = TestContacts.Child();
        subject.GivenName = "  AMELIA ";
        subject.FamilyName = "Ex-ample";
        subject.Address.Postcode = "ws1  1aa";

        Assert.Equal(SubjectIdentity.Of(TestContacts.Child()), SubjectIdentity.Of(subject));
    }

    [Fact]
    public void An_unborn_child_is_identified_by_its_expected_date()
    {
        var unborn = TestContacts.Child();
        unborn.ExpectedDate = new Date { Year = 2026, Month = 1, Day = 9 };

        Assert.Equal("person:amelia|example|due:2026-01-09|ws11aa", SubjectIdentity.Of(unborn));
    }

    [Fact]
    public void A_subject_with_no_NHS_number_and_no_name_has_no_identity()
    {
        var subject = new Subject { DateOfBirth = new Date { Year = 2015, Month = 3, Day = 1 }, Address = new Address { Postcode = "WS1 1AA" } };

        Assert.Null(SubjectIdentity.Of(subject));
    }
}
