using Mash.Intake.Returns.Layouts;

namespace Mash.Intake.Tests.Returns;

/// <summary>Each return's row for one child, field by field in its columns.</summary>
public sealed class LayoutTests
{
    private static readonly Mash.Contracts.Intake.V1.Subject Boy = ReturnSubjects.Child(gender: "male", ethnicity: "MWBC", year: 2012, month: 11, day: 5);

    [Fact]
    public void Annex_A_List_1()
    {
        var layout = new AnnexAList1();

        var row = layout.RowOf(ReturnSubjects.Row(Boy, new(2025, 1, 10), referralSource: "2A"), ReturnSubjects.Codes);

        Assert.Equal(layout.Headers.Count, row.Count);
        Assert.Equal(["child-1", "a) Male", "MWBC", "05/11/2012", "12", "10/01/2025", "2A"], row);
    }

    [Fact]
    public void Annex_A_List_3()
    {
        var layout = new AnnexAList3();

        var row = layout.RowOf(ReturnSubjects.Row(Boy, new(2025, 1, 10), new(2025, 1, 12), "assessment", 2), ReturnSubjects.Codes);

        Assert.Equal(layout.Headers.Count, row.Count);
        Assert.Equal(["child-1", "a) Male", "MWBC", "", "05/11/2012", "12", "12/01/2025", "6", "No", "2"], row);
    }

    [Fact]
    public void CIN_census_referrals()
    {
        var layout = new CinReferrals();

        var row = layout.RowOf(ReturnSubjects.Row(Boy, new(2025, 1, 10), new(2025, 1, 12), "nfa", 0), ReturnSubjects.Codes);

        Assert.Equal(layout.Headers.Count, row.Count);
        Assert.Equal(["child-1", "", "2012-11-05", "", "1", "MWBC", "", "2025-01-12", "6", "", "true"], row);
    }

    [Fact]
    public void An_unborn_child_in_the_CIN_census_has_an_expected_date_only()
    {
        var row = new CinReferrals().RowOf(ReturnSubjects.Row(ReturnSubjects.Unborn(2025, 3, 1), new(2025, 1, 10), new(2025, 1, 12)), ReturnSubjects.Codes);

        Assert.Equal(("", "2025-03-01", ""), (row[2], row[3], row[10]));
    }
}
