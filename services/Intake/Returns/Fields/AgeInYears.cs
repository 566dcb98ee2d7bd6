using System.Globalization;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>Annex A's "age of child (years)": whole years on the day of the contact or referral; empty for an unborn child or no date of birth.</summary>
public static class AgeInYears
{
    public static string At(Subject child, DateOnly on) =>
        ChildBirth.DateOfBirth(child) is { } born && born <= on ? YearsBetween(born, on).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Birthdays passed: a child born 29 February is a year older on 1 March in a common year.</summary>
    public static int YearsBetween(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return on.Month < born.Month || on.Month == born.Month && on.Day < born.Day ? years - 1 : years;
    }
}
