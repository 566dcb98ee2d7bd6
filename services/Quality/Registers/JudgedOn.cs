using Mash.Quality.Periods;

namespace Mash.Quality.Registers;

/// <summary>The day a period's overdue and open counts are judged on: its last day, or today while it runs, so a past quarter keeps the count it had when it ended.</summary>
internal static class JudgedOn
{
    public static DateOnly Of(ReportingPeriod period, DateOnly today)
    {
        var last = period.To.AddDays(-1);
        return today < last ? today : last;
    }

    /// <summary>Open on <paramref name="day"/>: not completed, or completed only after it.</summary>
    public static bool IsOpen(DateOnly? completedOn, DateOnly day) => completedOn is not { } done || done > day;

    /// <summary>Overdue on <paramref name="day"/>: open then, and its target day already passed.</summary>
    public static bool IsOverdue(DateOnly target, DateOnly? completedOn, DateOnly day) => IsOpen(completedOn, day) && target < day;
}
