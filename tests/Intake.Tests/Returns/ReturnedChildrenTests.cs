using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ReturnedChildrenTests
{
    [Fact]
    public void A_child_of_a_children_s_contact_counts_born_or_unborn()
    {
        var contact = ReturnSubjects.ContactAbout(ReturnSubjects.Child());
        Assert.True(ReturnedChildren.Counts(contact, ReturnSubjects.Child()));
        Assert.True(ReturnedChildren.Counts(contact, ReturnSubjects.Unborn(2025, 9, 1)));
    }

    [Fact]
    public void An_adult_does_not()
    {
        var adult = ReturnSubjects.Child();
        adult.Kind = SubjectKind.Adult;
        Assert.False(ReturnedChildren.Counts(ReturnSubjects.ContactAbout(adult), adult));
    }

    [Fact]
    public void A_child_named_in_an_adults_pathway_contact_does_not()
    {
        var child = ReturnSubjects.Child();
        var contact = ReturnSubjects.ContactAbout(child);
        contact.Pathway = Pathway.Adults;
        Assert.False(ReturnedChildren.Counts(contact, child));
    }
}
