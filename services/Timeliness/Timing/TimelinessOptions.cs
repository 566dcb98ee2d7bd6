namespace Mash.Timeliness.Timing;

/// <summary>Settings under <c>Timeliness</c>: the partnership's targets and working-day calendar (shipped defaults in appsettings.json).</summary>
internal sealed class TimelinessOptions
{
    public const string SectionName = "Timeliness";

    /// <summary>The targets for contacts received before the first of <see cref="TargetChanges"/> (all of them when there is none).</summary>
    public RagTargetOptions Targets { get; set; } = new();

    /// <summary>The partnership's name for each RAG.</summary>
    public RagLabelOptions Labels { get; set; } = new();

    /// <summary>Later sets of targets, each from its date: a past year is judged by that year's targets.</summary>
    public List<TargetChangeOptions> TargetChanges { get; set; } = [];

    /// <summary>When a working-day target falls due: see <see cref="WorkingDayEnd"/>.</summary>
    public string WorkingDaysDue { get; set; } = WorkingDayEnd.AtTimeReceivedText;

    /// <summary>The IANA time zone whose calendar days are the working days.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public CalendarOptions Calendar { get; set; } = new();

    /// <summary>Days that are not working days besides the calendar file's (a local closure, say).</summary>
    public List<DateOnly> BankHolidays { get; set; } = [];
}
