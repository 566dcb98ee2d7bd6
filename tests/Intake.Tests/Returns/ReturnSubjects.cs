using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns;
using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Returns;

/// <summary>Children and rows as the returns' tests make them, against the shipped codes.</summary>
internal static class ReturnSubjects
{
    public static readonly ReturnCodeBook Codes = new(TestContacts.Vocabulary);

    public static Subject Child(string gender = "female", string ethnicity = "WBRI", int year = 2015, int month = 3, int day = 1)
    {
        var child = TestContacts.Child();
        child.Gender = gender;
        child.EthnicityCode = ethnicity;
        child.DateOfBirth = new Date { Year = year, Month = month, Day = day };
        return child;
    }

    public static Subject Unborn(int year, int month, int day)
    {
        var child = TestContacts.Child();
        child.ExpectedDate = new Date { Year = year, Month = month, Day = day };
        return child;
    }

    public static ReturnChild Row(Subject child, DateOnly contactDate, DateOnly? referralDate = null, string? outcome = null, int? earlierReferrals = null, string referralSource = "6") =>
        new(Guid.NewGuid(), ContactAbout(child, referralSource), child, "child-1", contactDate, referralDate, null, outcome, earlierReferrals);

    public static Contact ContactAbout(Subject child, string referralSource = "6")
    {
        var contact = TestContacts.Contact();
        contact.Agency.ReferralSource = referralSource;
        contact.Subjects.Clear();
        contact.Subjects.Add(child);
        return contact;
    }

    public static Vocabulary WithCodes(Action<ReturnCodes> change)
    {
        var vocabulary = TestContacts.Vocabulary.Clone();
        change(vocabulary.ReturnCodes);
        return vocabulary;
    }
}
