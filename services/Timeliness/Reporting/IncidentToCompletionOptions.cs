namespace Mash.Timeliness.Reporting;

/// <summary>Settings under <c>Timeliness:IncidentToCompletion</c> (T5; defaults in appsettings.json).</summary>
internal sealed class IncidentToCompletionOptions
{
    public const string SectionName = "Timeliness:IncidentToCompletion";

    /// <summary>From the incident to the threshold decision, elapsed (Warwickshire: 24 hours).</summary>
    public TimeSpan Target { get; set; } = TimeSpan.FromHours(24);
}
