using Mash.Intake.Returns;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class PrimaryNeedTests
{
    [Fact]
    public void Shipped_without_a_map_the_need_is_empty() =>
        Assert.Equal("", PrimaryNeed.Code(ReturnSubjects.ContactAbout(ReturnSubjects.Child()), ReturnSubjects.Codes));

    [Fact]
    public void The_first_presenting_issue_with_a_code_is_the_need()
    {
        var codes = new ReturnCodeBook(ReturnSubjects.WithCodes(c => c.PrimaryNeeds["neglect"] = "N1"));
        var contact = ReturnSubjects.ContactAbout(ReturnSubjects.Child());
        contact.PresentingIssues.Clear();
        contact.PresentingIssues.Add(["mental-health", "neglect"]);

        Assert.Equal("N1", PrimaryNeed.Code(contact, codes));
    }
}
