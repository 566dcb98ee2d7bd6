using Mash.Contracts.Intake.V1;
using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class ChildBirthTests
{
    [Fact]
    public void A_born_child_has_a_date_of_birth_and_no_expected_date()
    {
        var child = ReturnSubjects.Child(year: 2016, month: 2, day: 29);

        Assert.Equal(new DateOnly(2016, 2, 29), ChildBirth.DateOfBirth(child));
        Assert.Null(ChildBirth.ExpectedDate(child));
        Assert.Equal(new DateOnly(2016, 2, 29), ChildBirth.AnnexA(child));
    }

    [Fact]
    public void An_unborn_child_has_its_expected_date_and_Annex_A_shows_it()
    {
        var child = ReturnSubjects.Unborn(2025, 9, 1);

        Assert.Null(ChildBirth.DateOfBirth(child));
        Assert.Equal(new DateOnly(2025, 9, 1), ChildBirth.ExpectedDate(child));
        Assert.Equal(new DateOnly(2025, 9, 1), ChildBirth.AnnexA(child));
    }

    [Fact]
    public void No_date_or_an_impossible_one_is_none()
    {
        var child = ReturnSubjects.Child();
        child.ClearBirth();
        Assert.Null(ChildBirth.AnnexA(child));
        child.DateOfBirth = new Date { Year = 2015, Month = 2, Day = 30 };
        Assert.Null(ChildBirth.DateOfBirth(child));
    }
}
