using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>A child's date of birth, or for an unborn child the expected date, as the referrer gave them.</summary>
public static class ChildBirth
{
    public static DateOnly? DateOfBirth(Subject child) =>
        child.BirthCase == Subject.BirthOneofCase.DateOfBirth ? DateOf(child.DateOfBirth) : null;

    public static DateOnly? ExpectedDate(Subject child) =>
        child.BirthCase == Subject.BirthOneofCase.ExpectedDate ? DateOf(child.ExpectedDate) : null;

    /// <summary>Annex A's date of birth: the expected date for an unborn child, so the row still says when.</summary>
    public static DateOnly? AnnexA(Subject child) => DateOfBirth(child) ?? ExpectedDate(child);

    // Validation keeps impossible dates out; one stored before it is better empty than a failed return.
    private static DateOnly? DateOf(Date date) =>
        date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;
}
