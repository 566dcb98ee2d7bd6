using Mash.Quality.Periods;

namespace Mash.Quality.Registers;

/// <summary>Q6 in a period: actions due in it, completed in it, and, on the day judged (<see cref="JudgedOn"/>), overdue and open.</summary>
internal sealed record LearningTally(long Due, long Completed, long Overdue, long Open)
{
    /// <summary>From the actions of lessons identified by <paramref name="day"/>: (target day, completion day).</summary>
    public static LearningTally Of(IReadOnlyList<(DateOnly Target, DateOnly? CompletedOn)> actions, ReportingPeriod period, DateOnly day) => new(
        actions.Count(a => Within(a.Target, period)),
        actions.Count(a => a.CompletedOn is { } done && Within(done, period) && done <= day),
        actions.Count(a => JudgedOn.IsOverdue(a.Target, a.CompletedOn, day)),
        actions.Count(a => JudgedOn.IsOpen(a.CompletedOn, day)));

    public static bool Within(DateOnly day, ReportingPeriod period) => day >= period.From && day < period.To;
}
