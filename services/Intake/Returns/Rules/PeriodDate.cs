using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Rules;

/// <summary>A period's end as the request gives it: a calendar date, or nothing usable.</summary>
public static class PeriodDate
{
    public static DateOnly? Of(Date? date) =>
        date is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12, Day: >= 1 } && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;
}
