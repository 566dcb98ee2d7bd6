namespace Mash.Triage.Risk;

/// <summary>
/// Settings under <c>Triage:Due</c>: how long from receipt each RAG gives the MASH to decide, as
/// elapsed time, to order the queue and find what is due soon. Timeliness holds the partnership's
/// targets with its working-day calendar and raises breaches; these only order the queue, so
/// Green's 5 working days is shipped as 7 days.
/// </summary>
internal sealed class QueueTimingOptions
{
    public const string SectionName = "Triage:Due";
    public const string Requirement = "Triage:Due needs positive Red, Amber, Green, Unrated and DueSoon durations.";

    public TimeSpan Red { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan Amber { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan Green { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Until it is rated a contact is due as if Red: an unscreened contact may be the most serious.</summary>
    public TimeSpan Unrated { get; set; } = TimeSpan.FromHours(4);

    /// <summary>"Due soon": due within this long (or overdue).</summary>
    public TimeSpan DueSoon { get; set; } = TimeSpan.FromHours(1);

    public bool IsUsable => new[] { Red, Amber, Green, Unrated, DueSoon }.All(t => t > TimeSpan.Zero);
}
