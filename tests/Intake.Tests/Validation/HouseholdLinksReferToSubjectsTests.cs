using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class HouseholdLinksReferToSubjectsTests
{
    /// <summary>A child (s1) and her mother (s2), linked.</summary>
    private static Contact Family(string from = "s2", string to = "s1", string relationship = "mother")
    {
        var contact = TestContacts.Contact();
        var mother = TestContacts.Child();
        mother.SubjectKey = "s2";
        mother.Kind = SubjectKind.Adult;
        contact.Subjects.Add(mother);
        contact.HouseholdLinks.Add(new HouseholdLink { FromSubjectKey = from, ToSubjectKey = to, Relationship = relationship });
        return contact;
    }

    [Fact]
    public void A_contact_without_links_passes_whatever_its_keys()
    {
        var contact = TestContacts.Contact();
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects[0].SubjectKey = "";
        Assert.Empty(HouseholdLinksReferToSubjects.Check(contact, TestContacts.Vocabulary));
    }

    [Fact]
    public void Links_between_the_contacts_subjects_pass() =>
        Assert.Empty(HouseholdLinksReferToSubjects.Check(Family(), TestContacts.Vocabulary));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void With_links_a_subject_without_a_key_is_at_fault(string key)
    {
        var contact = Family();
        contact.Subjects.Add(TestContacts.Child());
        contact.Subjects[2].SubjectKey = key;
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(contact, TestContacts.Vocabulary), "contact.subjects[2].subject_key");
    }

    [Fact]
    public void With_links_a_repeated_key_is_at_fault_where_it_repeats()
    {
        var contact = Family();
        contact.Subjects.Add(TestContacts.Child());
        var fault = Assert.Single(HouseholdLinksReferToSubjects.Check(contact, TestContacts.Vocabulary));
        Assert.Equal(("contact.subjects[2].subject_key", true), (fault.Field, fault.Description.Contains("contact.subjects[0]", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", "s1", "contact.household_links[0].from_subject_key")]
    [InlineData("s9", "s1", "contact.household_links[0].from_subject_key")]
    [InlineData("s2", "", "contact.household_links[0].to_subject_key")]
    [InlineData("s2", "S1", "contact.household_links[0].to_subject_key")]
    public void A_link_end_that_names_no_subject_is_at_fault(string from, string to, string field) =>
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(Family(from, to), TestContacts.Vocabulary), field);

    [Fact]
    public void Both_ends_are_at_fault_when_both_name_no_subject() =>
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(Family("x", "y"), TestContacts.Vocabulary),
            "contact.household_links[0].from_subject_key", "contact.household_links[0].to_subject_key");

    [Fact]
    public void A_link_from_a_subject_to_itself_is_at_fault() =>
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(Family("s1", "s1"), TestContacts.Vocabulary), "contact.household_links[0].to_subject_key");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_link_without_its_relationship_is_at_fault(string relationship) =>
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(Family(relationship: relationship), TestContacts.Vocabulary), "contact.household_links[0].relationship");

    [Fact]
    public void Each_link_is_at_fault_by_its_index()
    {
        var contact = Family();
        contact.HouseholdLinks.Add(new HouseholdLink { FromSubjectKey = "s1", ToSubjectKey = "s3", Relationship = "sibling" });
        ViolationAssert.Fields(HouseholdLinksReferToSubjects.Check(contact, TestContacts.Vocabulary), "contact.household_links[1].to_subject_key");
    }

    [Fact]
    public void The_fault_does_not_repeat_the_key() =>
        Assert.DoesNotContain("amelia-example", Assert.Single(HouseholdLinksReferToSubjects.Check(Family("amelia-example"), TestContacts.Vocabulary)).Description, StringComparison.Ordinal);
}
