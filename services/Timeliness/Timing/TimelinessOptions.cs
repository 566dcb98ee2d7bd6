namespace Mash.Timeliness.Timing;

/// <summary>Settings under <c>Timeliness</c>: the partnership's targets and working-day calendar (shipped defaults in appsettings.json).</summary>
internal sealed class TimelinessOptions
{
    public const string SectionName = "Timeliness";

    public RagTargetOptions Targets { get; set; } = new();

    /// <summary>The IANA time zone whose calendar days are the working days.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public List<DateOnly> BankHolidays { get; set; } = [];
}
