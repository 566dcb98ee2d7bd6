namespace Mash.Timeliness.Reporting;

/// <summary>Settings under <c>Timeliness:ResponseTimes</c> (T2; defaults in appsettings.json).</summary>
internal sealed class ResponseTimeOptions
{
    public const string SectionName = "Timeliness:ResponseTimes";

    /// <summary>
    /// Each band's upper bound (answered within it, that moment included), ascending; answers after
    /// the last fall in a final band. Walsall's 4 h, 7 h, 15 h: within 4 h, 5-7 h, 7-15 h, later.
    /// No default here: the binder would add the configured bounds to it.
    /// </summary>
    public List<TimeSpan> Bands { get; set; } = [];
}
