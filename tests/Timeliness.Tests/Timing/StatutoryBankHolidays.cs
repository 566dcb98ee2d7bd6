namespace Mash.Timeliness.Tests.Timing;

/// <summary>
/// The bank holidays each UK division keeps by statute and royal proclamation's usual pattern, with
/// substitute days: what the shipped calendar's years past GOV.UK's list must hold. One-off changes
/// (a jubilee, a moved May holiday) are not rules: GOV.UK publishes the official list about a year
/// ahead, and a partnership loads it.
/// </summary>
internal static class StatutoryBankHolidays
{
    public static IReadOnlyList<DateOnly> For(string division, int year)
    {
        var easter = EasterSunday(year);
        List<DateOnly> movable = [easter.AddDays(-2), FirstMonday(year, 5), LastMonday(year, 5)];
        List<DateOnly> fixedDays = [new(year, 1, 1), new(year, 12, 25), new(year, 12, 26)];
        if (division == "scotland")
        {
            movable.Add(FirstMonday(year, 8));
            fixedDays.AddRange([new(year, 1, 2), new(year, 11, 30)]);
        }
        else
        {
            movable.AddRange([easter.AddDays(1), LastMonday(year, 8)]);
        }
        if (division == "northern-ireland")
        {
            fixedDays.AddRange([new(year, 3, 17), new(year, 7, 12)]);
        }
        return [.. WithSubstitutes(movable, fixedDays).Order()];
    }

    /// <summary>A fixed day on a weekend moves to the next weekday not already a holiday (Christmas on Saturday: Monday 27th, Boxing Day Tuesday 28th).</summary>
    private static IEnumerable<DateOnly> WithSubstitutes(IEnumerable<DateOnly> movable, IEnumerable<DateOnly> fixedDays)
    {
        var taken = movable.ToHashSet();
        var ordered = fixedDays.Order().ToList();
        taken.UnionWith(ordered.Where(IsWeekday));
        foreach (var day in ordered.Where(d => !IsWeekday(d)))
        {
            var substitute = day;
            while (!IsWeekday(substitute) || taken.Contains(substitute))
            {
                substitute = substitute.AddDays(1);
            }
            taken.Add(substitute);
        }
        return taken;
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
