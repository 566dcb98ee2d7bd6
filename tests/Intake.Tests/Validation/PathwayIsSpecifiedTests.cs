using Mash.Contracts.Common.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class PathwayIsSpecifiedTests
{
    [Theory]
    [InlineData(Pathway.Children)]
    [InlineData(Pathway.Adults)]
    public void A_pathway_passes(Pathway pathway)
    {
        var contact = TestContacts.Contact();
        contact.Pathway = pathway;
        Assert.Empty(PathwayIsSpecified.Check(contact, TestContacts.Vocabulary));
    }

    [Theory]
    [InlineData(Pathway.Unspecified)]
    [InlineData((Pathway)7)]
    public void No_pathway_is_at_fault(Pathway pathway)
    {
        var contact = TestContacts.Contact();
        contact.Pathway = pathway;
        ViolationAssert.Fields(PathwayIsSpecified.Check(contact, TestContacts.Vocabulary), "contact.pathway");
    }
}
