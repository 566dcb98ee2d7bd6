using Mash.Quality.Periods;

namespace Mash.Quality.Registers;

/// <summary>Q8: reports due in the period, delivered of those, overdue on the day judged (any due date), and those due by progress RAG ("" not yet rated).</summary>
internal sealed record ReportTally(long Due, long Delivered, long Overdue, IReadOnlyDictionary<string, long> Progress)
{
    /// <summary>From every scheduled report: (due day, progress, delivery day).</summary>
    public static ReportTally Of(IReadOnlyList<(DateOnly DueOn, string Progress, DateOnly? DeliveredOn)> reports, ReportingPeriod period, DateOnly day)
    {
        var due = reports.Where(r => LearningTally.Within(r.DueOn, period)).ToList();
        return new(
            due.Count,
            due.Count(r => r.DeliveredOn is { } delivered && delivered <= day),
            reports.Count(r => JudgedOn.IsOverdue(r.DueOn, r.DeliveredOn, day)),
            due.GroupBy(r => r.Progress).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count()));
    }
}
