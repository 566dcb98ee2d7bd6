namespace Mash.Timeliness.Reporting;

/// <summary>Settings under <c>Timeliness:Backlog</c> (T3; defaults in appsettings.json).</summary>
internal sealed class BacklogOptions
{
    public const string SectionName = "Timeliness:Backlog";

    /// <summary>How often the backlog is snapshotted: slots are whole multiples of this since 1970-01-01 UTC.</summary>
    public TimeSpan SnapshotEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The age bands' lower bounds after the first band's (which starts at receipt), ascending:
    /// [1 day, 5 days, 20 days] gives under 1 day, 1 to 5 days, 5 to 20 days and 20 days or more.
    /// No default here: the binder would add the configured bounds to it.
    /// </summary>
    public List<TimeSpan> AgeBands { get; set; } = [];
}
