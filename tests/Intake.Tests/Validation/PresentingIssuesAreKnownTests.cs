using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class PresentingIssuesAreKnownTests
{
    [Fact]
    public void Configured_presenting_issues_pass() =>
        Assert.Empty(PresentingIssuesAreKnown.Check(TestContacts.Contact(), TestContacts.Vocabulary));

    [Fact]
    public void No_presenting_issue_passes()
    {
        var contact = TestContacts.Contact();
        contact.PresentingIssues.Clear();
        Assert.Empty(PresentingIssuesAreKnown.Check(contact, TestContacts.Vocabulary));
    }

    [Fact]
    public void Each_unknown_issue_is_at_fault_by_its_position()
    {
        var contact = TestContacts.Contact();
        contact.PresentingIssues.Clear();
        contact.PresentingIssues.Add(["bullying", "neglect", ""]);
        ViolationAssert.Fields(PresentingIssuesAreKnown.Check(contact, TestContacts.Vocabulary),
            "contact.presenting_issues[0]", "contact.presenting_issues[2]");
    }
}
