using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// A subject's date of birth, or an unborn child's expected date, is a real calendar date (no 30th
/// of February, no month 13) from <see cref="EarliestYear"/>; a date of birth is not in the future.
/// A wrong date would match or miss the wrong person in repeat detection and age the child wrongly.
/// </summary>
public static class DatesAreCalendarValid
{
    /// <summary>Earlier years are typing errors (1015 for 2015), not the people a MASH hears about.</summary>
    public const int EarliestYear = 1900;

    private static readonly string NotACalendarDate = $"not a calendar date: a year from {EarliestYear}, a month 1–12 and a day that month has";

    /// <param name="now">Now at the partnership's offset (<see cref="PartnershipClock"/>): its date is today there.</param>
    public static IEnumerable<Violation> Check(Contact contact, DateTimeOffset now)
    {
        var latestBirth = DateOnly.FromDateTime(now.DateTime);
        for (var i = 0; i < contact.Subjects.Count; i++)
        {
            var subject = contact.Subjects[i];
            if (subject.BirthCase == Subject.BirthOneofCase.DateOfBirth)
            {
                var dateOfBirth = CalendarDate(subject.DateOfBirth);
                if (dateOfBirth is null)
                {
                    yield return new($"contact.subjects[{i}].date_of_birth", NotACalendarDate);
                }
                else if (dateOfBirth > latestBirth)
                {
                    yield return new($"contact.subjects[{i}].date_of_birth", "in the future: for an unborn child give expected_date instead");
                }
            }
            else if (subject.BirthCase == Subject.BirthOneofCase.ExpectedDate && CalendarDate(subject.ExpectedDate) is null)
            {
                yield return new($"contact.subjects[{i}].expected_date", NotACalendarDate);
            }
        }
    }

    /// <summary>The date, or null when it is not one.</summary>
    private static DateOnly? CalendarDate(Date date) =>
        date.Year >= EarliestYear && date.Year <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;
}
