namespace Mash.Triage.InformationSharing;

/// <summary>T2: the band of an agency's response time, in elapsed time from asking to answering.</summary>
internal static class ResponseBands
{
    public static string BandOf(TimeSpan responseTime, IReadOnlyList<ResponseBand> bands) =>
        (bands.FirstOrDefault(b => b.UpTo is { } upTo && responseTime <= upTo) ?? bands[^1]).Label;
}
