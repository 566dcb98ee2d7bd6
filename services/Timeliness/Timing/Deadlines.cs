using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Timing;

/// <summary>
/// The partnership's targets applied on its calendar: when a contact of a given RAG is due, by the
/// targets in force on the day it was received (so a past year is judged by that year's targets).
/// </summary>
internal sealed class Deadlines(IReadOnlyList<TargetSet> sets, WorkingDayEnd workingDayEnd, WorkingCalendar calendar, IReadOnlyDictionary<Rag, string>? labels = null)
{
    public WorkingCalendar Calendar => calendar;

    public WorkingDayEnd WorkingDayEnd => workingDayEnd;

    /// <summary>The partnership's name for each RAG.</summary>
    public IReadOnlyDictionary<Rag, string> Labels { get; } = labels ?? new RagLabelOptions().ByRag;

    /// <summary>The targets for contacts received at <paramref name="receivedAt"/>.</summary>
    public IReadOnlyDictionary<Rag, Target> TargetsAt(DateTimeOffset receivedAt) =>
        TargetSet.InForce(sets, calendar.LocalDay(receivedAt)).ByRag;

    /// <summary>When the contact is due, or null when its RAG has no target.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset startedAt, Rag rag) => TargetsAt(startedAt)[rag] switch
    {
        Target.Elapsed elapsed => DueDates.AfterElapsed(startedAt, elapsed.Time),
        Target.WorkingDays working => DueDates.AfterWorkingDays(startedAt, working.Days, workingDayEnd, calendar),
        Target.None => null,
        var other => throw new InvalidOperationException($"Unknown kind of target {other}."),
    };

    /// <summary>From options that <see cref="TimelinessOptionsValidator"/> has passed, on the bank holidays loaded for them.</summary>
    public static Deadlines From(TimelinessOptions options, BankHolidays bankHolidays) => new(
        [
            TargetSet.Of(TargetSet.Always, options.Targets),
            .. options.TargetChanges.OrderBy(change => change.From).Select(change => TargetSet.Of(change.From!.Value, change)),
        ],
        WorkingDayEnd.Parse(options.WorkingDaysDue)!,
        new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), bankHolidays, options.BankHolidays),
        options.Labels.ByRag);

    /// <summary>From options that <see cref="TimelinessOptionsValidator"/> has passed, loading their calendar file.</summary>
    public static Deadlines From(TimelinessOptions options) =>
        From(options, BankHolidayFile.Load(options.Calendar.BankHolidaysFile, options.Calendar.Division));
}
