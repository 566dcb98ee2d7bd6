using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Timing;

/// <summary>The partnership's targets applied on its calendar: when a contact of a given RAG is due.</summary>
internal sealed class Deadlines(IReadOnlyDictionary<Rag, Target> targets, WorkingCalendar calendar)
{
    public IReadOnlyDictionary<Rag, Target> Targets => targets;

    public DateTimeOffset DueAt(DateTimeOffset startedAt, Rag rag) => targets[rag] switch
    {
        Target.Elapsed elapsed => DueDates.AfterElapsed(startedAt, elapsed.Time),
        Target.WorkingDays working => DueDates.AfterWorkingDays(startedAt, working.Days, calendar),
        var other => throw new InvalidOperationException($"Unknown kind of target {other}."),
    };

    /// <summary>From options that <see cref="TimelinessOptionsValidator"/> has passed.</summary>
    public static Deadlines From(TimelinessOptions options) => new(
        new Dictionary<Rag, Target>
        {
            [Rag.Red] = TargetText.Parse(options.Targets.Red)!,
            [Rag.Amber] = TargetText.Parse(options.Targets.Amber)!,
            [Rag.Green] = TargetText.Parse(options.Targets.Green)!,
        },
        new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), options.BankHolidays));
}
